import { z } from 'zod';
import { errorResponseSchema } from '../http/sla.responses';
import { PATH_PARAMETERS, SLA_ROUTES, type RouteDoc } from './sla-routes';

type JsonSchema = Record<string, unknown>;

export interface OpenApiDocument {
  readonly openapi: '3.1.0';
  readonly info: { title: string; version: string; description: string };
  readonly tags: { name: string }[];
  readonly paths: Record<string, Record<string, JsonSchema>>;
  readonly components: {
    securitySchemes: Record<string, JsonSchema>;
    schemas: Record<string, JsonSchema>;
  };
}

const SECURITY_SCHEME = 'tenantApiKey';

const ERROR_DESCRIPTIONS: Record<400 | 401 | 404 | 409, string> = {
  400: 'A parameter or field is invalid, or names a calendar that does not exist, or leaves a calendar no open time (`fields` says which).',
  401: 'No API key, or not a valid one.',
  404: "Not found in the key's tenant (another tenant's ids are not found either).",
  409: 'Conflicts with what is stored (a name already taken, a calendar in use).',
};

/** JSON Schema 2020-12 (OpenAPI 3.1's dialect) of a request (`input`) or response (`output`). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const schemaJson = z.toJSONSchema(schema, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as JsonSchema;
  // Embedded in the document, whose dialect (OpenAPI 3.1: JSON Schema 2020-12) applies.
  delete schemaJson.$schema;
  return schemaJson;
}

/** `/v1/sla/policies/:policyId` → `/v1/sla/policies/{policyId}`. */
export function openApiPath(nestPath: string): string {
  return nestPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function pathParameters(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]!);
}

const errorResponse = (status: keyof typeof ERROR_DESCRIPTIONS): JsonSchema => ({
  description: ERROR_DESCRIPTIONS[status],
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function operation(route: RouteDoc): JsonSchema {
  const parameters = pathParameters(route.path).map((name) => {
    const parameter = PATH_PARAMETERS[name];
    if (!parameter) throw new Error(`No documentation for the path parameter :${name}`);
    return {
      name,
      in: 'path',
      required: true,
      description: parameter.description,
      schema: jsonSchema(parameter.schema, 'input'),
    };
  });
  const responses: Record<string, JsonSchema> = {};
  for (const [status, response] of Object.entries(route.responses))
    responses[status] = {
      description: response.description,
      ...(response.schema
        ? { content: { 'application/json': { schema: jsonSchema(response.schema, 'output') } } }
        : {}),
    };
  if (route.body || parameters.length > 0) responses['400'] = errorResponse(400);
  if (!route.public) responses['401'] = errorResponse(401);
  for (const status of route.errors ?? []) responses[String(status)] = errorResponse(status);
  return {
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    operationId: `${route.method}${openApiPath(route.path)
      .replace(/^\/v1\/sla/, '')
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .map((word) => word[0]!.toUpperCase() + word.slice(1))
      .join('')}`,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
          },
        }
      : {}),
    responses,
    security: route.public ? [] : [{ [SECURITY_SCHEME]: [] }],
  };
}

/** The OpenAPI 3.1 document of the SLA API, from its request schemas and route table. */
export function buildSlaOpenApi(routes: readonly RouteDoc[] = SLA_ROUTES): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const path = (paths[openApiPath(route.path)] ??= {});
    if (path[route.method]) throw new Error(`${route.method} ${route.path} is documented twice`);
    path[route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Switchboard SLA API',
      version: '1',
      description:
        "SLA policies (ordered, versioned), the business-hours calendars their targets count in, and where each conversation's clocks stand. Every route but this document needs the tenant's API key and sees only that tenant's data.",
    },
    tags: [...new Set(routes.map((route) => route.tag))].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          description:
            "The tenant's API key (`Authorization: Bearer <key>`; `X-Api-Key` also works).",
        },
      },
      schemas: { Error: jsonSchema(errorResponseSchema, 'output') },
    },
  };
}
