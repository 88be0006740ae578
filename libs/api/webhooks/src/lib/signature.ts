import { createHmac, randomBytes } from 'node:crypto';

/** The header carrying the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` (Stripe's scheme). */
export const SIGNATURE_HEADER = 'Retention-Signature';
export const EVENT_ID_HEADER = 'Retention-Event-Id';
export const EVENT_TYPE_HEADER = 'Retention-Event-Type';

/**
 * Signs a body as sent at `timestampSeconds`. The receiver recomputes the HMAC with its copy of the endpoint's
 * secret over `<t>.<raw body>`, compares in constant time, and refuses a timestamp too far from its own clock
 * (a replayed capture); the event id in the body and in Retention-Event-Id deduplicates a redelivery.
 */
export function signatureHeader(secret: string, timestampSeconds: number, body: string): string {
  const v1 = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `t=${timestampSeconds},v1=${v1}`;
}

/** A new endpoint's secret: 32 random bytes, prefixed so that it is recognisable in a vault. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
