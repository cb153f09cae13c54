import {
  controllerRoutes,
  openApiContract,
} from '../../../../libs/platform/src/testing/openapi-contract';
import { SLA_TENANT_CONTROLLERS } from '../http/sla-api.controllers';
import { SLA_API_CONTROLLERS } from '../http/sla-api.parts';
import { SlaOpenApiController } from './openapi.controller';
import { buildSlaOpenApi } from './sla-openapi.document';
import { SLA_ROUTES } from './sla-routes';

type Body = { content: Record<string, { schema: Record<string, unknown> }> };

describe('the SLA OpenAPI document', () => {
  const document = buildSlaOpenApi();

  openApiContract({
    build: buildSlaOpenApi,
    routes: SLA_ROUTES,
    controllers: SLA_API_CONTROLLERS,
    documentController: SlaOpenApiController,
    basePath: '/v1/sla',
  });

  it('serves its 16 routes from the tenant controllers and the document', () => {
    expect(SLA_API_CONTROLLERS.flatMap(controllerRoutes).length).toBe(16);
    expect(SLA_API_CONTROLLERS).toEqual([...SLA_TENANT_CONTROLLERS, SlaOpenApiController]);
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
});
