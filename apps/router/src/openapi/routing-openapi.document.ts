import { buildOpenApiDocument, type OpenApiDocument, type RouteDoc } from '@switchboard/platform';
import { PATH_PARAMETERS, ROUTING_ROUTES } from './routing-routes';

/** The OpenAPI 3.1 document of the routing API, from its request schemas and route table. */
export function buildRoutingOpenApi(routes: readonly RouteDoc[] = ROUTING_ROUTES): OpenApiDocument {
  return buildOpenApiDocument({
    basePath: '/v1/routing',
    title: 'Switchboard routing API',
    description:
      "Skill-based routing: the tenant's skills, agents, queues, rules and settings, and the conversations being routed. Every route but this document needs the tenant's API key and sees only that tenant's data.",
    routes,
    pathParameters: PATH_PARAMETERS,
    errorDescriptions: {
      400: 'A parameter or field is invalid, or names a skill or queue that does not exist (`fields` says which).',
      401: 'No API key, or not a valid one.',
      404: "Not found in the key's tenant (another tenant's ids are not found either).",
      409: 'Conflicts with the current state (in use, no pending offer, agent unavailable).',
    },
  });
}
