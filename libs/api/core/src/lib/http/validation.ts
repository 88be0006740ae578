import { ArgumentMetadata, BadRequestException, Injectable, Param, ParseUUIDPipe, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ApiFieldError } from '@retention/contracts';

function flatten(errors: ValidationError[], parent = ''): ApiFieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own: ApiFieldError[] = e.constraints
      ? [{ field, problems: Object.values(e.constraints).map((p) => p.replace(/^property \S+ /, 'property ')) }]
      : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

function invalid(fields: ApiFieldError[]): BadRequestException {
  return new BadRequestException({
    code: 'validation_failed',
    message: `Invalid input: ${fields.map((f) => f.field).join(', ')}.`,
    fields,
  });
}

/**
 * Where the first NUL character (U+0000) of an input is: the dotted path of the field ('' for the
 * value itself), or undefined when there is none. Keys count too. Without recursion, so a deep
 * value cannot overflow the stack.
 */
export function findNul(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  const join = (parent: string, key: string) => (parent ? `${parent}.${key}` : key);
  while (stack.length) {
    const [v, path] = stack.pop() as [unknown, string];
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return path;
    } else if (v !== null && typeof v === 'object') {
      for (const [key, child] of Object.entries(v)) {
        if (key.includes('\u0000')) return join(path, key);
        stack.push([child, join(path, key)]);
      }
    }
  }
  return undefined;
}

/**
 * The one gate for what a client sends (body, query string, path parameters):
 * - no NUL character anywhere (PostgreSQL cannot store one in text, and no field means one);
 * - then class-validator on the DTO: unknown fields rejected, each problem named by its field.
 */
@Injectable()
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      exceptionFactory: (errors) => invalid(flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const at = findNul(value);
      if (at !== undefined) {
        const field = [metadata.data, at].filter(Boolean).join('.') || metadata.type;
        throw invalid([{ field, problems: [`${field} must not contain a NUL character (U+0000)`] }]);
      }
    }
    return super.transform(value, metadata);
  }
}

/** class-validator on every input, behind the NUL gate. */
export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe();
}

/** A path parameter that must be a UUID; the 400 names it like every other field. */
export function UuidParam(name: string): ParameterDecorator {
  return Param(name, new ParseUUIDPipe({ exceptionFactory: () => invalid([{ field: name, problems: [`${name} must be a UUID`] }]) }));
}
