import type { OpenAPIObject } from '@nestjs/swagger';
import type { ApiError } from '@retention/contracts';
import { DATABASE_UNAVAILABLE_MESSAGE } from './database-unavailable';
import { ERROR_CODES } from './api-error.filter';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Responses = Operation['responses'];

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
export const API_ERROR_SCHEMA = 'ApiError';
const EXAMPLE_REQUEST_ID = '5f0c6e1e-8d3b-4c1a-9e57-2b7f4a1c9d20';

/** What the API answers with each error status, whatever operation: the one place the documentation says so. */
const STANDARD_ERRORS: Record<number, { description: string; example: Omit<ApiError, 'requestId'> }> = {
  400: {
    description: 'Bad input: each offending field named with what is wrong with it; or a body that is not JSON, nested too deeply, or a path that does not decode',
    example: { statusCode: 400, error: 'validation_failed', message: 'The input is not valid.', fields: [{ field: 'limit', problems: ['limit must not be greater than 200'] }] },
  },
  401: { description: 'No bearer token, or one whose session has ended', example: { statusCode: 401, error: 'unauthorized', message: 'Sign in first.' } },
  403: { description: "The signed-in user's role lacks this operation's permission", example: { statusCode: 403, error: 'forbidden', message: 'Your role may not do this.' } },
  404: { description: 'The path names something that does not exist', example: { statusCode: 404, error: 'not_found', message: 'Subscriber 00000000-0000-4000-8000-000000000000 not found.' } },
  413: { description: 'The body is larger than 100 kB', example: { statusCode: 413, error: 'payload_too_large', message: 'The request body is too large.' } },
  503: { description: 'The database is unavailable (every call answers so until it is back)', example: { statusCode: 503, error: 'service_unavailable', message: DATABASE_UNAVAILABLE_MESSAGE } },
};

/**
 * Completes the generated document with what holds for every operation, so that no controller repeats it:
 * the `ApiError` schema, the error answers each operation can give by its shape (400 always: bad input, or a
 * body or path that does not parse; 413 when it takes a body, 401/403 unless it is public, 404 when its path names something, 503 always),
 * and the error shape and an example on every error answer any decorator declared (409, 422, 429...).
 * Security comes from the permission decorators (`RequirePermission`: the bearer token; `Public`: none).
 */
export function completeOpenApiDocument(doc: OpenAPIObject): OpenAPIObject {
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, [API_ERROR_SCHEMA]: apiErrorSchema() } };
  for (const item of Object.values(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      // Public(): no requirement at all, said the standard way.
      if (op.security?.length && op.security.every((requirement) => Object.keys(requirement).length === 0)) op.security = [];
      const isPublic = op.security?.length === 0;
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].filter((p) => !('$ref' in p));
      const statuses = [
        // Every request passes the body parser and the path check before routing, input or not.
        400,
        ...(isPublic ? [] : [401, 403]),
        ...(params.some((p) => 'in' in p && p.in === 'path') ? [404] : []),
        ...(op.requestBody ? [413] : []),
        503,
      ];
      for (const status of statuses) op.responses[status] ??= { description: STANDARD_ERRORS[status].description };
      describeErrors(op.responses);
    }
  }
  return doc;
}

/** Every error answer: the one shape, and an example (the declared one, the standard one, or the description as its message). */
function describeErrors(responses: Responses): void {
  for (const [key, response] of Object.entries(responses)) {
    const status = Number(key);
    if (!(status >= 400) || !response || '$ref' in response) continue;
    // An example the handler's decorator gave is kept: it says what this operation answers.
    const declared = response.content?.['application/json'];
    const standard = STANDARD_ERRORS[status]?.example;
    const example = declared?.example ?? {
      ...(standard ?? { statusCode: status, error: ERROR_CODES[status] ?? 'error', message: `${response.description}.` }),
      requestId: EXAMPLE_REQUEST_ID,
    };
    response.content = { 'application/json': { schema: { $ref: `#/components/schemas/${API_ERROR_SCHEMA}` }, example } };
  }
}

function apiErrorSchema() {
  return {
    type: 'object' as const,
    description: 'The one error shape of every 4xx and 5xx answer',
    required: ['statusCode', 'error', 'message'],
    properties: {
      statusCode: { type: 'integer' as const, description: 'The HTTP status again' },
      error: { type: 'string' as const, description: 'Stable machine-readable code, e.g. validation_failed, not_found, conflict' },
      message: { type: 'string' as const, description: 'A sentence a person can read' },
      fields: {
        type: 'array' as const,
        description: 'For bad input: each offending field with what is wrong with it',
        items: {
          type: 'object' as const,
          required: ['field', 'problems'],
          properties: { field: { type: 'string' as const }, problems: { type: 'array' as const, items: { type: 'string' as const } } },
        },
      },
      requestId: { type: 'string' as const, description: 'The X-Request-Id of the call, to find it in the logs' },
    },
    example: { ...STANDARD_ERRORS[400].example, requestId: EXAMPLE_REQUEST_ID },
  };
}
