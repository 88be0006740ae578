import { MigrationInterface, QueryRunner } from 'typeorm';
import { checkFunction, LIMIT_ONE_CHECK } from './1795441200000-CheckPaymentSubscribersPerStatement';

/**
 * The statement check of a payment's subscriber (`CheckPaymentSubscribersPerStatement`) planned for the statement's
 * own rows.
 *
 * Its anti-join was a static query with `LIMIT 1`, which PL/pgSQL plans once per session and which the planner, told
 * that one row will do, always answered with a nested loop: one probe of the subscriber key (and one visit of the
 * subscriber's heap page) per payment. For a million imported payments that was a million probes, about 2 s of the
 * statement. The query now runs by EXECUTE, planned each time with the number of rows the statement wrote: a few rows
 * still probe the key, a bulk insert hashes the subscribers once. What it checks, its error and the locks taken outside
 * READ COMMITTED are unchanged.
 *
 * Measured: see docs/scaling.md, "Imports".
 */

export class PlanPaymentSubscriberCheckPerStatement1795445000000 implements MigrationInterface {
  name = 'PlanPaymentSubscriberCheckPerStatement1795445000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      checkFunction(
        `-- Planned for this statement's rows (EXECUTE): a nested loop for a few, a hash of the subscribers for many.
        -- subscriber_id is NOT NULL, so a row found is never NULL (EXECUTE does not set FOUND).
        EXECUTE 'SELECT n.subscriber_id FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM subscriber s WHERE s.id = n.subscriber_id)'
          INTO missing;`,
        'missing IS NOT NULL',
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(LIMIT_ONE_CHECK);
  }
}
