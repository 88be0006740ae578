import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An imported payment's natural key (`import_key`, the hash of its account, day and amount) is guarded by a unique
 * index led by the subscriber, instead of one on the hash alone.
 *
 * The hash alone is a random key: a payments import wrote each of its rows into the guard index at a random
 * place (a million rows, a million random leaf pages touched, split and dirtied), while the rows themselves go
 * in in the order of the subscriber (the foreign key's lookups and `ix_payment_subscriber_date` take them in turn).
 * Led by `subscriber_id`, the guard takes them in that same order too. The key stays what it was: the hash holds
 * the account number, so two subscribers never share a key, and "unique per subscriber" is "unique".
 *
 * Measured: see docs/scaling.md, "Imports".
 */
export class OrderPaymentImportKeys1795441000000 implements MigrationInterface {
  name = 'OrderPaymentImportKeys1795441000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX uq_payment_subscriber_import_key ON payment (subscriber_id, import_key) WHERE import_key IS NOT NULL`);
    await q.query(`DROP INDEX uq_payment_import_key`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX uq_payment_import_key ON payment (import_key) WHERE import_key IS NOT NULL`);
    await q.query(`DROP INDEX uq_payment_subscriber_import_key`);
  }
}
