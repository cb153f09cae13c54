import { Controller, Get } from '@nestjs/common';
import type { OpenApiDocument } from '@switchboard/platform';
import { buildSlaOpenApi } from './sla-openapi.document';

/** Serves the SLA API's OpenAPI document; public, like any API description. */
@Controller('v1/sla')
export class SlaOpenApiController {
  private document: OpenApiDocument | null = null;

  @Get('openapi.json')
  openApi(): OpenApiDocument {
    return (this.document ??= buildSlaOpenApi());
  }
}
