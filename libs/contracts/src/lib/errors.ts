/** The one error shape of every 4xx and 5xx answer. */
export interface ApiError {
  statusCode: number;
  /** Stable machine-readable code, e.g. `validation_failed`, `malformed_body`, `payload_too_large`, `not_found`, `conflict`. */
  error: string;
  /** A sentence a person can read. */
  message: string;
  /** For validation errors: each offending field with what is wrong with it. */
  fields?: ApiFieldError[];
  requestId?: string;
}

export interface ApiFieldError {
  field: string;
  problems: string[];
}
