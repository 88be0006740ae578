import { applyDecorators } from '@nestjs/common';
import { INPUT_YEARS, parseCalendarDate, parseInstant, parseMonth } from '@retention/domain';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Matches, Max, Min, ValidateBy, ValidationOptions } from 'class-validator';
import { ColumnName, FitsColumn, INT32_MAX } from './columns';

function parses(parse: (value: string) => unknown): (value: unknown) => boolean {
  return (value) => {
    if (typeof value !== 'string') return false;
    try {
      parse(value);
      return true;
    } catch {
      return false;
    }
  };
}

const { min, max } = INPUT_YEARS;

/** A month 'YYYY-MM' the domain's calendar reads, in the input years (1900-01 to 2199-12). */
export function IsMonthKey(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMonthKey',
      validator: {
        validate: parses((v) => parseMonth(v, INPUT_YEARS)),
        defaultMessage: (args) => `${args?.property} must be a month YYYY-MM from ${min}-01 to ${max}-12`,
      },
    },
    options,
  );
}

/** A calendar date 'YYYY-MM-DD' that exists ('2026-02-30' does not), in the input years. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: parses((v) => parseCalendarDate(v, INPUT_YEARS)),
        defaultMessage: (args) => `${args?.property} must be a date YYYY-MM-DD from ${min}-01-01 to ${max}-12-31`,
      },
    },
    options,
  );
}

/** An instant 'YYYY-MM-DDTHH:MM[:SS[.sss]]' with 'Z' or an offset '±HH:MM', in the input years. */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isInstant',
      validator: {
        validate: parses((v) => parseInstant(v, INPUT_YEARS)),
        defaultMessage: (args) =>
          `${args?.property} must be a date and time like 2026-11-23T15:00:00Z (or with an offset such as +02:00), years ${min} to ${max}`,
      },
    },
    options,
  );
}

const CODE = /^[a-z0-9][a-z0-9_-]*$/;
const REASON_CODE = /^[a-z0-9_]+$/;

/** A reference code (region, service, tariff, competitor, offer): lower-case letters, digits, dashes, underscores; as long as its column allows. */
export function IsCode(column: ColumnName, { each = false }: { each?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    FitsColumn(column, { each }),
    Matches(CODE, { each, message: ({ property }) => `${property} must be a code: lower-case letters, digits, dashes or underscores` }),
  );
}

/** A churn-reason code of the classifier: lower-case letters, digits and underscores. */
export function IsReasonCode({ each = false }: { each?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    FitsColumn('churn_reason.code', { each }),
    Matches(REASON_CODE, { each, message: ({ property }) => `${property} must be a classifier code: lower-case letters, digits or underscores` }),
  );
}

/** The highest page offset: far past any list, and a number PostgreSQL's OFFSET and JavaScript both hold exactly. */
export const PAGE_OFFSET_MAX = INT32_MAX;

/** Optional page size from the query string: a whole number from 1 to `maxLimit`. */
export function IsPageLimit(maxLimit: number): PropertyDecorator {
  return applyDecorators(IsOptional(), Type(() => Number), IsInt(), Min(1), Max(maxLimit));
}

/** Optional page offset from the query string: a whole number from 0 to {@link PAGE_OFFSET_MAX}. */
export function IsPageOffset(): PropertyDecorator {
  return applyDecorators(IsOptional(), Type(() => Number), IsInt(), Min(0), Max(PAGE_OFFSET_MAX));
}

/** Optional yes/no from the query string: exactly 'true' or 'false' (anything else is refused, not read as false). */
export function IsQueryBoolean(): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean({ message: ({ property }) => `${property} must be true or false` }),
  );
}
