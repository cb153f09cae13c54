import { z } from 'zod';
import { buildOpenApiDocument, type OpenApiSource, type RouteDoc } from './openapi-document';

const source = (routes: RouteDoc[]): OpenApiSource => ({
  basePath: '/v1/things',
  title: 'Things API',
  description: 'Things.',
  routes,
  pathParameters: { thingId: { schema: z.uuid(), description: 'The thing.' } },
  errorDescriptions: { 400: 'Bad.', 401: 'No key.', 404: 'Not found.', 409: 'Conflict.' },
});

describe('buildOpenApiDocument', () => {
  it('names operations by method and path under the base path, and describes their errors', () => {
    const document = buildOpenApiDocument(
      source([
        {
          method: 'delete',
          path: '/v1/things/:thingId/parts',
          tag: 'Things',
          summary: 'Delete',
          responses: { 204: { description: 'Gone.' } },
          errors: [404],
        },
      ]),
    );
    const operation = document.paths['/v1/things/{thingId}/parts']!.delete!;
    expect(operation.operationId).toBe('deleteThingIdParts');
    expect(operation.responses).toMatchObject({
      '204': { description: 'Gone.' },
      '400': { description: 'Bad.' },
      '401': { description: 'No key.' },
      '404': { description: 'Not found.' },
    });
    expect(document.info).toEqual({ title: 'Things API', version: '1', description: 'Things.' });
    expect(document.tags).toEqual([{ name: 'Things' }]);
  });

  it('documents query parameters, required unless they may be left out', () => {
    const document = buildOpenApiDocument(
      source([
        {
          method: 'get',
          path: '/v1/things',
          tag: 'Things',
          summary: 'List',
          query: z.object({
            state: z.enum(['open', 'closed']).describe('Only things in this state.'),
            limit: z.coerce.number().int().optional(),
          }),
          responses: { 200: { description: 'Things.' } },
        },
      ]),
    );
    expect(document.paths['/v1/things']!.get!.parameters).toEqual([
      expect.objectContaining({
        name: 'state',
        in: 'query',
        required: true,
        description: 'Only things in this state.',
      }),
      expect.objectContaining({ name: 'limit', in: 'query', required: false }),
    ]);
  });

  it('refuses a route documented twice', () => {
    const route: RouteDoc = {
      method: 'get',
      path: '/v1/things',
      tag: 'Things',
      summary: 'List',
      responses: {},
    };
    expect(() => buildOpenApiDocument(source([route, route]))).toThrow(/documented twice/);
  });
});
