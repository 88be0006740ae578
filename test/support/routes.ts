import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { UNPREFIXED_CONTROLLERS } from '@retention/api-app';

export interface RouteInfo {
  method: string;
  path: string;
}

/** Every HTTP route the application registered, read from Nest's own controller metadata. */
export function listRoutes(app: INestApplication, prefix = '/api'): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const mod of app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const type = wrapper.metatype as (new (...args: unknown[]) => unknown) | undefined;
      if (!type) continue;
      const base = normalise(Reflect.getMetadata(PATH_METADATA, type));
      const proto = type.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        const sub = Reflect.getMetadata(PATH_METADATA, handler);
        if (method === undefined || sub === undefined) continue;
        const path = `/${[UNPREFIXED_CONTROLLERS.includes(base) ? '' : prefix, base, normalise(sub)].filter(Boolean).join('/')}`.replace(/\/+/g, '/');
        routes.push({ method: RequestMethod[method], path });
      }
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
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
