import { RequestMethod } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ApiKeyGuard } from '@switchboard/platform';
import { SLA_TENANT_CONTROLLERS } from '../http/sla-api.controllers';
import { SLA_API_CONTROLLERS } from '../http/sla-api.parts';
import { SlaOpenApiController } from './openapi.controller';
import { buildSlaOpenApi, openApiPath } from './sla-openapi.document';
import { SLA_ROUTES } from './sla-routes';

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

/** "get /v1/sla/policies/{policyId}" for every handler Nest would route, read from its metadata. */
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

const documented = (document: ReturnType<typeof buildSlaOpenApi>): string[] =>
  Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method} ${path}`),
  );

type Body = { content: Record<string, { schema: Record<string, unknown> }> };

describe('the SLA OpenAPI document', () => {
  const document = buildSlaOpenApi();
  const routes = SLA_API_CONTROLLERS.flatMap(controllerRoutes);

  it('documents exactly the routes the module serves', () => {
    expect(routes.length).toBe(16);
    expect(new Set(routes).size).toBe(routes.length);
    expect(documented(document).sort()).toEqual([...routes].sort());
    expect(SLA_API_CONTROLLERS).toEqual([...SLA_TENANT_CONTROLLERS, SlaOpenApiController]);
  });

  it('guards every controller but the document with the tenant API key, as it says', () => {
    for (const controller of SLA_TENANT_CONTROLLERS)
      expect(Reflect.getMetadata(GUARDS_METADATA, controller)).toContain(ApiKeyGuard);
    expect(Reflect.getMetadata(GUARDS_METADATA, SlaOpenApiController)).toBeUndefined();

    expect(document.components.securitySchemes.tenantApiKey).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    for (const route of SLA_ROUTES) {
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
    const post = document.paths['/v1/sla/policies']!.post!;
    const policy = (post.requestBody as Body).content['application/json']!.schema;
    expect(policy).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['name', 'position', 'targets']),
      properties: {
        warnAtPercent: { default: null },
        pauseOn: { default: [] },
        targets: {
          type: 'object',
          additionalProperties: false,
          properties: { first_response: { required: ['seconds', 'businessHours'] } },
        },
      },
    });
    expect(policy.$schema).toBeUndefined();

    const calendar = (document.paths['/v1/sla/calendars/{calendarId}']!.put!.requestBody as Body)
      .content['application/json']!.schema;
    expect(calendar).toMatchObject({
      required: expect.arrayContaining(['name', 'timeZone', 'weekly']),
      properties: { weekly: { type: 'array', minItems: 1 } },
    });
  });

  it('describes path parameters: uuids, a date and a version number', () => {
    const parameters = (path: string, method: string) =>
      document.paths[path]![method]!.parameters as { name: string; schema: object }[];
    expect(parameters('/v1/sla/calendars/{calendarId}/holidays/{date}', 'put')).toEqual([
      expect.objectContaining({ name: 'calendarId', in: 'path', required: true }),
      expect.objectContaining({
        name: 'date',
        schema: expect.objectContaining({ format: 'date' }),
      }),
    ]);
    expect(parameters('/v1/sla/policies/{policyId}/versions/{version}', 'get')[1]).toMatchObject({
      name: 'version',
      schema: { type: 'integer', minimum: 1 },
    });
  });

  it('lists the errors each route can answer', () => {
    const statuses = (path: string, method: string): string[] =>
      Object.keys(document.paths[path]![method]!.responses as object).sort();
    expect(statuses('/v1/sla/calendars/{calendarId}', 'delete')).toEqual([
      '204',
      '400',
      '401',
      '404',
      '409',
    ]);
    expect(statuses('/v1/sla/policies', 'post')).toEqual(['201', '400', '401', '409']);
    expect(statuses('/v1/sla/policies', 'get')).toEqual(['200', '401']);
    expect(statuses('/v1/sla/conversations/{conversationId}/clocks', 'get')).toEqual([
      '200',
      '400',
      '401',
      '404',
    ]);
    expect(document.components.schemas.Error).toMatchObject({ required: ['error', 'message'] });
  });

  it('refuses a route table naming a path parameter it cannot describe', () => {
    expect(() =>
      buildSlaOpenApi([
        { method: 'get', path: '/v1/sla/things/:thingId', tag: 'x', summary: 'x', responses: {} },
      ]),
    ).toThrow(/:thingId/);
  });
});
