import { Controller, Get } from '@nestjs/common';
import type { OpenApiDocument } from '@switchboard/platform';
import { buildRoutingOpenApi } from './routing-openapi.document';

/** Serves the routing API's OpenAPI document; public, like any API description. */
@Controller('v1/routing')
export class RoutingOpenApiController {
  private document: OpenApiDocument | null = null;

  @Get('openapi.json')
  openApi(): OpenApiDocument {
    return (this.document ??= buildRoutingOpenApi());
  }
}
