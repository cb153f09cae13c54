import {
  controllerRoutes,
  openApiContract,
} from '../../../../libs/platform/src/testing/openapi-contract';
import { ROUTING_API_CONTROLLERS } from '../http/routing-api.controllers';
import { RoutingOpenApiController } from './openapi.controller';
import { buildRoutingOpenApi } from './routing-openapi.document';
import { ROUTING_ROUTES } from './routing-routes';

describe('the routing OpenAPI document', () => {
  const document = buildRoutingOpenApi();
  const controllers = [...ROUTING_API_CONTROLLERS, RoutingOpenApiController];

  openApiContract({
    build: buildRoutingOpenApi,
    routes: ROUTING_ROUTES,
    controllers,
    documentController: RoutingOpenApiController,
    basePath: '/v1/routing',
  });

  it('covers every route of the API', () => {
    expect(controllers.flatMap(controllerRoutes).length).toBeGreaterThanOrEqual(23);
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
});
