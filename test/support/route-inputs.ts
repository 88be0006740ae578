import { INestApplication, Type } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { INTEGRATION_KEY, PERMISSION_KEY, PUBLIC_KEY } from '@retention/api-core';
import type { Permission } from '@retention/contracts';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { listRouteHandlers } from './routes';

/** One declared constraint of a field, by class-validator's name for it (isString, maxLength, isMonthKey, ...). */
export interface FieldConstraint {
  name: string;
  args: unknown[];
  each: boolean;
}

/** A field of an input DTO as its decorators declare it. */
export interface FieldSpec {
  name: string;
  /** @IsOptional (absent or null is fine) */
  optional: boolean;
  /** @ValidateIf that lets null through (e.g. a plan line's region) */
  nullable: boolean;
  constraints: FieldConstraint[];
  /** For @ValidateNested with @Type: the nested class's fields (each: an array of them). */
  nested?: { each: boolean; fields: FieldSpec[] };
}

export interface RouteInput {
  method: string;
  path: string;
  isPublic: boolean;
  /** For another system: the setting whose key it takes as its bearer token (IntegrationKey). */
  integrationKey?: string;
  permission?: Permission;
  body?: FieldSpec[];
  query?: FieldSpec[];
  /** Path parameters: with a DTO (fields) or plain (a name each; `uuid` when parsed as one). */
  params: { name: string; uuid: boolean; spec?: FieldSpec }[];
}

function constraintName(m: ValidationMetadata): string {
  if (m.type === 'customValidation' && m.constraintCls) {
    return getMetadataStorage().getTargetValidatorConstraints(m.constraintCls)[0]?.name ?? m.type;
  }
  return m.name ?? m.type;
}

/** The fields of a DTO class with their constraints, read from class-validator's and class-transformer's metadata. */
export function describeDto(dto: Type): FieldSpec[] {
  const metas = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  const byField = new Map<string, ValidationMetadata[]>();
  for (const m of metas) byField.set(m.propertyName, [...(byField.get(m.propertyName) ?? []), m]);
  return [...byField.entries()].map(([name, ms]) => {
    const conditional = ms.filter((m) => m.type === 'conditionalValidation');
    const conditions = conditional.flatMap((m) => (m.constraints ?? []) as unknown[]).filter((c): c is (o: object, v: unknown) => boolean => typeof c === 'function');
    const optional = conditional.some((m) => m.name === 'isOptional') || conditions.some((c) => !c({}, undefined) && !c({}, null));
    const nullable = !optional && conditions.some((c) => !c({}, null));
    const spec: FieldSpec = {
      name,
      optional,
      nullable,
      constraints: ms
        .filter((m) => m.type !== 'conditionalValidation' && m.type !== 'nestedValidation' && m.type !== 'whitelist')
        .map((m) => ({ name: constraintName(m), args: m.constraints ?? [], each: !!m.each })),
    };
    const nested = ms.find((m) => m.type === 'nestedValidation');
    if (nested) {
      // class-transformer builds the nested value with the class its @Type names.
      const sample = plainToInstance(dto, { [name]: nested.each ? [{}] : {} }) as Record<string, unknown>;
      const value = nested.each ? (sample[name] as unknown[])[0] : sample[name];
      const cls = (value as object).constructor as Type;
      if (cls === Object) throw new Error(`${dto.name}.${name} is @ValidateNested without @Type`);
      spec.nested = { each: !!nested.each, fields: describeDto(cls) };
    }
    return spec;
  });
}

/** Every route with the inputs its handler reads (body, query and path), its permission and whether it is public. */
export function listRouteInputs(app: INestApplication, prefix = '/api'): RouteInput[] {
  const routes: RouteInput[] = [];
  for (const { controller, name, handler, method, path } of listRouteHandlers(app, prefix)) {
    const type = controller as Type;
    const proto = type.prototype as Record<string, unknown>;
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, type, name) ?? {}) as Record<string, { index: number; data?: string; pipes?: unknown[] }>;
    const paramTypes = (Reflect.getMetadata('design:paramtypes', proto, name) ?? []) as Type[];
    const route: RouteInput = {
      method,
      path,
      isPublic: !!Reflect.getMetadata(PUBLIC_KEY, handler),
      integrationKey: Reflect.getMetadata(INTEGRATION_KEY, handler),
      permission: Reflect.getMetadata(PERMISSION_KEY, handler),
      params: [],
    };
    const pathParams = [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);
    for (const [key, arg] of Object.entries(args)) {
      const kind = Number(key.split(':')[0]) as RouteParamtypes;
      const cls = paramTypes[arg.index];
      const isDto = typeof cls === 'function' && ![String, Number, Boolean, Object, Array].includes(cls as never);
      if (kind === RouteParamtypes.BODY && isDto) route.body = describeDto(cls);
      if (kind === RouteParamtypes.QUERY && isDto) route.query = describeDto(cls);
      if (kind === RouteParamtypes.PARAM) {
        if (arg.data === undefined && isDto) {
          for (const spec of describeDto(cls)) route.params.push({ name: spec.name, uuid: false, spec });
        } else if (arg.data) {
          const uuid = (arg.pipes ?? []).some((p) => (p as object)?.constructor?.name === 'ParseUUIDPipe');
          route.params.push({ name: arg.data, uuid });
        }
      }
    }
    for (const p of pathParams) if (!route.params.some((x) => x.name === p)) route.params.push({ name: p, uuid: false });
    routes.push(route);
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}
