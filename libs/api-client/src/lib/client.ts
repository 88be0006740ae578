import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './schema';

/** A client whose every path, parameter, body and answer is typed from the API's OpenAPI document. */
export type ApiClient = Client<paths>;

/** The one error shape of every 4xx and 5xx answer. */
export type ApiErrorBody = components['schemas']['ApiError'];

export interface ApiClientOptions {
  /** Where the API is served, e.g. `https://retention.example.net` (paths start with /api). */
  baseUrl: string;
  /** A user's access token (POST /api/auth/login) or an integration key, sent as `Authorization: Bearer`. */
  token?: string;
  /** Another fetch (a test's, a proxy's); the global one by default. */
  fetch?: ClientOptions['fetch'];
}

export function createApiClient({ baseUrl, token, fetch }: ApiClientOptions): ApiClient {
  return createClient<paths>({ baseUrl, fetch, headers: token ? { Authorization: `Bearer ${token}` } : {} });
}
