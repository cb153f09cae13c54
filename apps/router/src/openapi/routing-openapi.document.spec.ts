import { RequestMethod } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ApiKeyGuard } from '@switchboard/platform';
import { ROUTING_API_CONTROLLERS } from '../http/routing-api.controllers';
import { RoutingOpenApiController } from './openapi.controller';
import { buildRoutingOpenApi, openApiPath } from './routing-openapi.document';
import { ROUTING_ROUTES } from './routing-routes';

type Controller = abstract new (...args: never[]) => unknown;

const VERBS: Partial<Record<RequestMethod, string>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.POST]: 'post',
  [RequestMethod.DELETE]: 'delete',
};

const join = (...parts: string[]): string =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`;

/** "get /v1/routing/agents/{agentId}" for every handler Nest would route, read from its metadata. */
function controllerRoutes(controller: Controller): string[] {
  const base: string = Reflect.getMetadata(PATH_METADATA, controller) ?? '';
  const prototype = controller.prototype as Record<string, unknown>;
  return Object.getOwnPropertyNames(prototype).flatMap((name) => {
    const handler = prototype[name];
    if (typeof handler !== 'function' || name === 'constructor') return [];
    const method: RequestMethod | undefined = Reflect.getMetadata(METHOD_METADATA, handler);
    if (method === undefined) return [];
    const paths: string | string[] = Reflect.getMetadata(PATH_METADATA, handler);
    return [paths].flat().map((path) => `${VERBS[method]} ${openApiPath(join(base, path))}`);
  });
}

const documented = (document: ReturnType<typeof buildRoutingOpenApi>): string[] =>
  Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method} ${path}`),
  );

describe('the routing OpenAPI document', () => {
  const document = buildRoutingOpenApi();
  const routes = [...ROUTING_API_CONTROLLERS, RoutingOpenApiController].flatMap(controllerRoutes);

  it('documents exactly the routes the controllers serve', () => {
    expect(routes.length).toBeGreaterThanOrEqual(23);
    expect(new Set(routes).size).toBe(routes.length);
    expect(documented(document).sort()).toEqual([...routes].sort());
  });

  it('guards every controller but the document with the tenant API key, as it says', () => {
    for (const controller of ROUTING_API_CONTROLLERS)
      expect(Reflect.getMetadata(GUARDS_METADATA, controller)).toContain(ApiKeyGuard);
    expect(Reflect.getMetadata(GUARDS_METADATA, RoutingOpenApiController)).toBeUndefined();

    expect(document.components.securitySchemes.tenantApiKey).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    for (const route of ROUTING_ROUTES) {
      const operation = document.paths[openApiPath(route.path)]![route.method]!;
      const responses = operation.responses as Record<string, unknown>;
      if (route.public) {
        expect(operation.security).toEqual([]);
        expect(responses['401']).toBeUndefined();
      } else {
        expect(operation.security).toEqual([{ tenantApiKey: [] }]);
        expect(responses['401']).toBeDefined();
      }
    }
  });

  it('describes request bodies with the same schemas the controllers parse with', () => {
    const put = document.paths['/v1/routing/queues/{queueId}']!.put!;
    const body = (
      put.requestBody as { content: Record<string, { schema: Record<string, unknown> }> }
    ).content['application/json']!.schema;
    expect(body).toMatchObject({
      type: 'object',
      required: ['name', 'requiredSkills'],
      properties: {
        strategy: { default: 'longest_idle', enum: expect.arrayContaining(['round_robin']) },
        offerTimeoutSeconds: { default: 30 },
      },
    });
    expect(body.$schema).toBeUndefined();
    expect(put.parameters).toEqual([
      expect.objectContaining({ name: 'queueId', in: 'path', required: true }),
    ]);
    const rules = document.paths['/v1/routing/rules']!.put!.requestBody as {
      content: Record<string, { schema: Record<string, unknown> }>;
    };
    expect(rules.content['application/json']!.schema.type).toBe('array');
  });

  it('lists the errors each route can answer', () => {
    const statuses = (path: string, method: string): string[] =>
      Object.keys(document.paths[path]![method]!.responses as object).sort();
    expect(statuses('/v1/routing/skills/{name}', 'delete')).toEqual([
      '204',
      '400',
      '401',
      '404',
      '409',
    ]);
    expect(statuses('/v1/routing/conversations/{conversationId}/accept', 'post')).toEqual([
      '200',
      '202',
      '400',
      '401',
      '404',
      '409',
    ]);
    expect(statuses('/v1/routing/skills', 'get')).toEqual(['200', '401']);
    expect(document.components.schemas.Error).toMatchObject({ required: ['error', 'message'] });
  });

  it('refuses a route table naming a path parameter it cannot describe', () => {
    expect(() =>
      buildRoutingOpenApi([
        {
          method: 'get',
          path: '/v1/routing/things/:thingId',
          tag: 'x',
          summary: 'x',
          responses: {},
        },
      ]),
    ).toThrow(/:thingId/);
  });
});
