import { buildOpenApiDocument, type OpenApiDocument, type RouteDoc } from '@switchboard/platform';
import { PATH_PARAMETERS, SLA_ROUTES } from './sla-routes';

/** The OpenAPI 3.1 document of the SLA API, from its request schemas and route table. */
export function buildSlaOpenApi(routes: readonly RouteDoc[] = SLA_ROUTES): OpenApiDocument {
  return buildOpenApiDocument({
    basePath: '/v1/sla',
    title: 'Switchboard SLA API',
    description:
      "SLA policies (ordered, versioned), the business-hours calendars their targets count in, and where each conversation's clocks stand. Every route but this document needs the tenant's API key and sees only that tenant's data.",
    routes,
    pathParameters: PATH_PARAMETERS,
    errorDescriptions: {
      400: 'A parameter or field is invalid, or names a calendar that does not exist, or leaves a calendar no open time (`fields` says which).',
      401: 'No API key, or not a valid one.',
      404: "Not found in the key's tenant (another tenant's ids are not found either).",
      409: 'Conflicts with what is stored (a name already taken, a calendar in use).',
    },
  });
}
