import { MigrationInterface, QueryRunner } from 'typeorm';

/** Sign-in attempts per address and user name, shared by every API process (LoginThrottleStorage). */
export class AddLoginThrottle1795408200000 implements MigrationInterface {
  name = 'AddLoginThrottle1795408200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE login_throttle (
        key text PRIMARY KEY,
        hits integer NOT NULL,
        window_ends timestamptz NOT NULL,
        blocked_until timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_throttle`);
  }
}
