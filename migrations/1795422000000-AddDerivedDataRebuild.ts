import { MigrationInterface, QueryRunner } from 'typeorm';
import { UPSERT as upsertReasonExamples } from './1795407000000-AddReasonLearning';
import { termsOf } from './1795408100000-AddSubscriberSearchTerms';

/**
 * `rebuild_derived_data()`: every table the database derives from others by triggers, recomputed set-based
 * from its sources in one call: the report roll-ups and churn_fact (rebuild_report_rollups), subscriber
 * search terms and the reason examples, with the same statements their triggers and backfills use.
 *
 * A bulk load (the demo and benchmark generator) disables the user triggers of the tables it fills for its
 * transaction (ALTER TABLE ... DISABLE TRIGGER USER: transactional, for the tables' owner) and calls this once
 * at the end instead of paying each trigger per statement (libs/api/demo-data, generateDemoData).
 *
 * The same migration replaces the search terms trigger function's UPDATE branch (below); down leaves the
 * replacement in place (it writes the same terms).
 *
 * The search terms are recomputed into the table without its primary key, which is built once afterwards
 * (terms are distinct per subscriber and account numbers unique, so it holds by construction).
 */
const SEARCHED_FIELDS_CHANGED = `WHERE (o.account_number, o.full_name, o.phone, o.address) IS DISTINCT FROM (n.account_number, n.full_name, n.phone, n.address)`;

export class AddDerivedDataRebuild1795422000000 implements MigrationInterface {
  name = 'AddDerivedDataRebuild1795422000000';

  async up(q: QueryRunner): Promise<void> {
    // The search terms' UPDATE branch: the subscribers whose searched fields changed, materialised first (most
    // updates change none: a status, a balance, a representative, and then nothing more is done), then their
    // terms deleted and inserted by the whole primary key. The branch of AddSubscriberSearchTerms computed the
    // terms of every updated row before filtering and probed the primary key by account number alone, a scan of
    // the whole index per row: 4,151 subscribers' sales agent set at 20,000 subscribers took 136 s in it.
    await q.query(`
      CREATE OR REPLACE FUNCTION subscriber_search_term_sync() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO subscriber_search_term (term, account_number)
          SELECT term, account_number FROM (${termsOf('new_rows')}) x
          ON CONFLICT DO NOTHING;
        ELSIF TG_OP = 'DELETE' THEN
          DELETE FROM subscriber_search_term x
           USING (${termsOf('old_rows')}) g
           WHERE x.term = g.term AND x.account_number = g.account_number;
        ELSIF (SELECT count(*) FROM old_rows o JOIN new_rows n ON n.id = o.id ${SEARCHED_FIELDS_CHANGED}) > 0 THEN
          DELETE FROM subscriber_search_term x
           USING (WITH c AS MATERIALIZED (SELECT o.* FROM old_rows o JOIN new_rows n ON n.id = o.id ${SEARCHED_FIELDS_CHANGED})
                  ${termsOf('c')}) g
           WHERE x.term = g.term AND x.account_number = g.account_number;
          INSERT INTO subscriber_search_term (term, account_number)
          SELECT term, account_number
            FROM (WITH c AS MATERIALIZED (SELECT n.* FROM new_rows n JOIN old_rows o ON o.id = n.id ${SEARCHED_FIELDS_CHANGED})
                  ${termsOf('c')}) x
          ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
      END $f$`);
    await q.query(`
      CREATE FUNCTION rebuild_subscriber_search_terms() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        LOCK TABLE subscriber IN SHARE MODE;
        TRUNCATE subscriber_search_term;
        ALTER TABLE subscriber_search_term DROP CONSTRAINT pk_subscriber_search_term;
        INSERT INTO subscriber_search_term (term, account_number) SELECT term, account_number FROM (${termsOf('subscriber')}) x;
        ALTER TABLE subscriber_search_term ADD CONSTRAINT pk_subscriber_search_term PRIMARY KEY (term, account_number);
      END $fn$`);
    await q.query(`
      CREATE FUNCTION rebuild_derived_data() RETURNS void LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM rebuild_report_rollups();
        PERFORM rebuild_subscriber_search_terms();
        ${upsertReasonExamples('disconnect_request')};
      END $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS rebuild_derived_data()`);
    await q.query(`DROP FUNCTION IF EXISTS rebuild_subscriber_search_terms()`);
  }
}
