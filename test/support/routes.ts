import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { UNPREFIXED_CONTROLLERS } from '@retention/api-app';

export interface RouteInfo {
  method: string;
  path: string;
}

/** A handler of a registered route: its controller class, method name and function, HTTP method and full path. */
export interface RouteHandler extends RouteInfo {
  controller: new (...args: unknown[]) => unknown;
  name: string;
  handler: (...args: unknown[]) => unknown;
}

/** Every route handler the application registered, read from Nest's own controller metadata. */
export function listRouteHandlers(app: INestApplication, prefix = '/api'): RouteHandler[] {
  const handlers: RouteHandler[] = [];
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const controller = wrapper.metatype as RouteHandler['controller'] | undefined;
      if (!controller) continue;
      const base = normalise(Reflect.getMetadata(PATH_METADATA, controller));
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        const sub = Reflect.getMetadata(PATH_METADATA, handler);
        if (method === undefined || sub === undefined) continue;
        const path = `/${[UNPREFIXED_CONTROLLERS.includes(base) ? '' : prefix, base, normalise(sub)].filter(Boolean).join('/')}`.replace(/\/+/g, '/');
        handlers.push({ controller, name, handler: handler as RouteHandler['handler'], method: RequestMethod[method], path });
      }
    }
  }
  return handlers;
}

/** Every HTTP route the application registered. */
export function listRoutes(app: INestApplication, prefix = '/api'): RouteInfo[] {
  return listRouteHandlers(app, prefix)
    .map(({ method, path }) => ({ method, path }))
    .sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

function normalise(p: string | string[] | undefined): string {
  const s = Array.isArray(p) ? p[0] : p;
  return (s ?? '').replace(/^\/+|\/+$/g, '');
}

/** A concrete URL for a route pattern: unknown ids, so no handler finds real data to change. */
export function concretePath(path: string): string {
  return path
    .replace(/:id\b/g, '00000000-0000-4000-8000-000000000000')
    .replace(/:code\b/g, 'no-such-code')
    .replace(/:month\b/g, '2026-01')
    .replace(/:(\w+)/g, 'x');
}
