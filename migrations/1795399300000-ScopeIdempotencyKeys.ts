import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An Idempotency-Key belongs to the user who sent it and to the body it came with: the key is
 * unique per (created_by, key) instead of across all users, and each keyed request keeps the
 * SHA-256 of its body, so a retry with another body is refused instead of replayed.
 * Keys were unique across all users before, so they are unique per user already. Requests keyed
 * before this migration have no stored body hash: a retry of one is refused (422), never replayed.
 */
export class ScopeIdempotencyKeys1795399300000 implements MigrationInterface {
  name = 'ScopeIdempotencyKeys1795399300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE disconnect_request ADD COLUMN idempotency_body_hash varchar(64)`);
    await q.query(`DROP INDEX uq_request_idempotency`);
    await q.query(`CREATE UNIQUE INDEX uq_request_idempotency ON disconnect_request (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Fails if two users have used the same key since: a global key cannot hold both.
    await q.query(`DROP INDEX uq_request_idempotency`);
    await q.query(`CREATE UNIQUE INDEX uq_request_idempotency ON disconnect_request (idempotency_key) WHERE idempotency_key IS NOT NULL`);
    await q.query(`ALTER TABLE disconnect_request DROP COLUMN idempotency_body_hash`);
  }
}
