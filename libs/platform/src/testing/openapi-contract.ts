import { RequestMethod } from '@nestjs/common';
import { GUARDS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { openApiPath, type OpenApiDocument, type RouteDoc } from '../http/openapi-document';

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
export function controllerRoutes(controller: Controller): string[] {
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

/** "get /v1/routing/agents/{agentId}" for every operation of the document. */
export const documentedRoutes = (document: OpenApiDocument): string[] =>
  Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method} ${path}`),
  );

export interface OpenApiContractFixture {
  /** Builds the API's document from a route table, its own by default. */
  build(routes?: readonly RouteDoc[]): OpenApiDocument;
  /** The API's route table. */
  readonly routes: readonly RouteDoc[];
  /** Every controller serving the API, the document's included. */
  readonly controllers: readonly Controller[];
  /** The controller serving the document: public, unlike the others. */
  readonly documentController: Controller;
  /** The prefix of the API's routes (`/v1/routing`). */
  readonly basePath: string;
}

/**
 * What every tenant API's OpenAPI document must hold to: it documents exactly the routes
 * its controllers serve, and says which need the tenant API key as the guards do.
 * Call inside the API's `describe`, beside the checks of its own schemas.
 */
export function openApiContract(fixture: OpenApiContractFixture): void {
  const document = fixture.build();
  const routes = fixture.controllers.flatMap(controllerRoutes);

  it('documents exactly the routes the controllers serve', () => {
    expect(new Set(routes).size).toBe(routes.length);
    expect(documentedRoutes(document).sort()).toEqual([...routes].sort());
  });

  it('guards every controller but the document with the tenant API key, as it says', () => {
    for (const controller of fixture.controllers)
      if (controller !== fixture.documentController)
        expect(Reflect.getMetadata(GUARDS_METADATA, controller)).toContain(ApiKeyGuard);
    expect(Reflect.getMetadata(GUARDS_METADATA, fixture.documentController)).toBeUndefined();

    expect(document.components.securitySchemes.tenantApiKey).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    for (const route of fixture.routes) {
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

  it('refuses a route table naming a path parameter it cannot describe', () => {
    expect(() =>
      fixture.build([
        {
          method: 'get',
          path: `${fixture.basePath}/things/:thingId`,
          tag: 'x',
          summary: 'x',
          responses: {},
        },
      ]),
    ).toThrow(/:thingId/);
  });
}
