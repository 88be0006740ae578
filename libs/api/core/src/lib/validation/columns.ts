import { applyDecorators } from '@nestjs/common';
import { IsInt, IsString, Max, MaxLength, Min, ValidateBy, ValidationOptions } from 'class-validator';

export type ColumnType =
  | { type: 'character varying'; length: number }
  | { type: 'smallint' }
  | { type: 'integer' }
  | { type: 'numeric'; precision: number; scale: number };

const varchar = (length: number): ColumnType => ({ type: 'character varying', length });
const numeric = (precision: number, scale: number): ColumnType => ({ type: 'numeric', precision, scale });
const smallint: ColumnType = { type: 'smallint' };
const integer: ColumnType = { type: 'integer' };

export const INT32_MAX = 2_147_483_647;
export const SMALLINT_MAX = 32_767;

/**
 * Every column a client's value is written to or compared with, as the migrations create it: the
 * one declaration of how long a string and how large a number may be. {@link FitsColumn} enforces
 * it on DTO fields; an API test compares this table with information_schema, so a migration that
 * changes a column fails that test until the table follows.
 */
export const COLUMNS = {
  'app_user.username': varchar(64),
  'app_user.display_name': varchar(120),
  'import_mapping.source': varchar(240),
  'import_mapping.target': varchar(48),
  'app_user.monthly_salary': numeric(12, 2),
  'app_user.team': varchar(64),
  'salary_history.monthly_salary': numeric(12, 2),
  'app_user.email': varchar(254),
  'bonus_scheme.version': integer,
  'bonus_scheme.target_save_rate': numeric(5, 4),
  'bonus_scheme.per_point_above': numeric(12, 2),
  'bonus_scheme.saved_revenue_share': numeric(5, 4),
  'bonus_scheme.cap_share': numeric(5, 4),
  'bonus_scheme.plan_exceeded_cut': numeric(5, 4),
  'bonus_scheme.deferred_share': numeric(5, 4),
  'bonus_scheme.sales_bonus_6m': numeric(12, 2),
  'bonus_scheme.sales_bonus_12m': numeric(12, 2),
  'region.code': varchar(32),
  'region.name': varchar(120),
  'service.code': varchar(32),
  'service.name': varchar(120),
  'tariff.code': varchar(48),
  'tariff.name': varchar(120),
  'tariff.monthly_price': numeric(12, 2),
  'tariff.speed_mbps': integer,
  'tariff.channels': integer,
  'competitor.code': varchar(32),
  'competitor.name': varchar(120),
  'competitor_tariff.name': varchar(120),
  'competitor_tariff.monthly_price': numeric(12, 2),
  'competitor_tariff.speed_mbps': integer,
  'competitor_tariff.channels': integer,
  'classifier_version.version': integer,
  'reason_model.version': integer,
  'churn_reason.code': varchar(48),
  'churn_reason.threshold': numeric(8, 6),
  'offer.code': varchar(48),
  'offer.discount_percent': smallint,
  'offer.months': smallint,
  'offer.monthly_cost': numeric(12, 2),
  'offer.one_off_cost': numeric(12, 2),
  'offer.min_tenure_months': integer,
  'offer.min_monthly_revenue': numeric(12, 2),
  'subscriber.account_number': varchar(32),
  'survey_answer.score': smallint,
  'churn_plan.version': integer,
  'churn_plan_line.managed_max': integer,
  'churn_plan_line.hidden_max': integer,
  'churn_plan_line.unmanaged_max': integer,
  'churn_plan_line.target_save_rate': numeric(5, 4),
  'acquisition_cost.cost': numeric(12, 2),
  'subscription.monthly_fee': numeric(12, 2),
  'staff_cost.cost_per_hour': numeric(10, 2),
  'hidden_churn_call_list.name': varchar(120),
  'hidden_churn_rules_version.note': varchar(500),
  'subscriber_segment_change.note': varchar(500),
  'webhook_endpoint.url': varchar(2000),
  'webhook_endpoint.description': varchar(200),
  'billing_disconnection.event_id': varchar(128),
} as const satisfies Record<string, ColumnType>;

export type ColumnName = keyof typeof COLUMNS;

/** The largest value a numeric(p,s) column holds: numeric(12,2) → 9999999999.99. */
export function numericMax(precision: number, scale: number): number {
  return Number(`${'9'.repeat(precision - scale)}.${'9'.repeat(scale)}`);
}

/**
 * A finite number with at most `scale` decimals. (class-validator's `IsNumber({ maxDecimalPlaces })`
 * reads decimals from `toString()` and throws on a value such as 1e-7, which has no '.'.)
 */
export function IsDecimal(scale: number, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDecimal',
      constraints: [scale],
      validator: {
        validate: (v: unknown) => typeof v === 'number' && Number.isFinite(v) && Number(v.toFixed(scale)) === v,
        defaultMessage: (args) => `${args?.property} must be a number with at most ${scale} decimal places`,
      },
    },
    options,
  );
}

/** Which column each DTO field was declared to fit (read by the tests that keep DTOs and schema in step). */
export const COLUMN_FIELDS: { target: object; property: string; column: ColumnName }[] = [];

/**
 * The field holds a value of `column`: a string no longer than a varchar, a whole number within an
 * integer or smallint, a number with no more decimals and digits than a numeric(p,s). Business
 * bounds (a price of at least 0, a discount of at most 100) go beside it.
 */
export function FitsColumn(column: ColumnName, { each = false }: { each?: boolean } = {}): PropertyDecorator {
  const c: ColumnType = COLUMNS[column];
  const record: PropertyDecorator = (target, property) => {
    COLUMN_FIELDS.push({ target: target.constructor, property: String(property), column });
  };
  const where = `(column ${column})`;
  const message = (text: (property: string) => string): ValidationOptions => ({ each, message: ({ property }) => text(property) });
  switch (c.type) {
    case 'character varying':
      return applyDecorators(
        record,
        IsString({ each }),
        MaxLength(c.length, message((p) => `${p} must be at most ${c.length} characters ${where}`)),
      );
    case 'smallint':
    case 'integer': {
      const max = c.type === 'smallint' ? SMALLINT_MAX : INT32_MAX;
      return applyDecorators(
        record,
        IsInt({ each }),
        Min(-max - 1, message((p) => `${p} must not be less than ${-max - 1} ${where}`)),
        Max(max, message((p) => `${p} must not be greater than ${max} ${where}`)),
      );
    }
    case 'numeric': {
      const max = numericMax(c.precision, c.scale);
      return applyDecorators(
        record,
        IsDecimal(c.scale, { each }),
        Min(-max, message((p) => `${p} must not be less than ${-max} ${where}`)),
        Max(max, message((p) => `${p} must not be greater than ${max} ${where}`)),
      );
    }
  }
}
