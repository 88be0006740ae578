import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
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

/** class-validator on every input: unknown fields rejected, each problem named by its field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new BadRequestException({
        code: 'validation_failed',
        message: `Invalid input: ${fields.map((f) => f.field).join(', ')}.`,
        fields,
      });
    },
  });
}
