import { z } from 'zod';
import { errorResponseSchema } from './error-response';

type JsonSchema = Record<string, unknown>;

export type HttpMethod = 'get' | 'put' | 'post' | 'delete';

export interface ResponseDoc {
  readonly description: string;
  readonly schema?: z.ZodType;
}

/** Error statuses a route can answer; 400 and 401 are added where they apply. */
export type ErrorStatus = 400 | 401 | 404 | 409;

/** One route of an API as documented; `path` is written as Nest routes are (`:agentId`). */
export interface RouteDoc {
  readonly method: HttpMethod;
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  /** No API key needed. */
  readonly public?: boolean;
  readonly body?: z.ZodType;
  /** Query parameters: each property of the object is one. */
  readonly query?: z.ZodObject;
  /** Success responses; 400 (bad parameter or body) and 401 are added where they apply. */
  readonly responses: Readonly<Record<number, ResponseDoc>>;
  /** Error statuses beyond 400 and 401, described by the API's `errorDescriptions`. */
  readonly errors?: readonly Exclude<ErrorStatus, 400 | 401>[];
}

/** Path parameters, by name, wherever they appear. */
export type PathParameterDocs = Readonly<
  Record<string, { schema: z.ZodType; description: string }>
>;

/** What one API's document is built from. */
export interface OpenApiSource {
  /** The prefix every route shares (`/v1/routing`), left out of operation ids. */
  readonly basePath: string;
  readonly title: string;
  readonly description: string;
  readonly routes: readonly RouteDoc[];
  readonly pathParameters: PathParameterDocs;
  readonly errorDescriptions: Readonly<Record<ErrorStatus, string>>;
}

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

/** `/v1/routing/agents/:agentId` → `/v1/routing/agents/{agentId}`. */
export function openApiPath(nestPath: string): string {
  return nestPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function pathParameters(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]!);
}

/** `get /v1/routing/agents/:agentId` under `/v1/routing` → `getAgentsAgentId`. */
function operationId(route: RouteDoc, basePath: string): string {
  const path = openApiPath(route.path);
  const words = (path.startsWith(basePath) ? path.slice(basePath.length) : path)
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1));
  return `${route.method}${words.join('')}`;
}

function operation(route: RouteDoc, source: OpenApiSource): JsonSchema {
  const errorResponse = (status: ErrorStatus): JsonSchema => ({
    description: source.errorDescriptions[status],
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });
  const parameters = pathParameters(route.path).map((name) => {
    const parameter = source.pathParameters[name];
    if (!parameter) throw new Error(`No documentation for the path parameter :${name}`);
    return {
      name,
      in: 'path',
      required: true,
      description: parameter.description,
      schema: jsonSchema(parameter.schema, 'input'),
    };
  });
  for (const [name, schema] of Object.entries(route.query?.shape ?? {})) {
    const property = schema as z.ZodType;
    parameters.push({
      name,
      in: 'query',
      required: !property.safeParse(undefined).success,
      description: property.description ?? '',
      schema: jsonSchema(property, 'input'),
    });
  }
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
    operationId: operationId(route, source.basePath),
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

/**
 * The OpenAPI 3.1 document of a tenant API, from its route table and the zod schemas its
 * controllers parse with. Every route but the public ones needs the tenant's API key.
 */
export function buildOpenApiDocument(source: OpenApiSource): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of source.routes) {
    const path = (paths[openApiPath(route.path)] ??= {});
    if (path[route.method]) throw new Error(`${route.method} ${route.path} is documented twice`);
    path[route.method] = operation(route, source);
  }
  return {
    openapi: '3.1.0',
    info: { title: source.title, version: '1', description: source.description },
    tags: [...new Set(source.routes.map((route) => route.tag))].map((name) => ({ name })),
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
