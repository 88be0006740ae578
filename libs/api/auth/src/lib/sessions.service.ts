import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '@retention/api-core';
import type { Role } from '@retention/contracts';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Server-side sessions: a token is good only while the session it names (its JWT id) exists and its
 * user is active. This is the one way a token stops working before it expires: signing out ends one
 * session; a password, role or activity change ends all of the user's sessions.
 */
@Injectable()
export class SessionsService {
  constructor(private readonly db: DataSource) {}

  /**
   * Opens a session for a user who is still active and still has the password hash that was just
   * verified. Drops the user's sessions that expired before this sign-in was issued. False when the
   * user changed in the meantime: the share lock waits for a change in progress (which ends the
   * user's sessions as it commits) and the conditions are then checked against the changed row.
   */
  async open(session: { id: string; userId: string; passwordHash: string; issuedAt: number; expiresAt: number }): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `WITH expired AS (DELETE FROM user_session WHERE user_id = $2 AND expires_at <= to_timestamp($4))
       INSERT INTO user_session (id, user_id, expires_at)
       SELECT $1, u.id, to_timestamp($5) FROM app_user u WHERE u.id = $2 AND u.active AND u.password_hash = $3
       FOR SHARE OF u
       RETURNING id`,
      [session.id, session.userId, session.passwordHash, session.issuedAt, session.expiresAt],
    );
    return rows.length === 1;
  }

  /** The active user of a live session, or null (signed out, ended by a change, or deactivated). */
  async user(sessionId: string, userId: string): Promise<AuthenticatedUser | null> {
    const rows: { id: string; username: string; role: Role; displayName: string }[] = await this.db.query(
      `SELECT u.id, u.username, u.role, u.display_name AS "displayName"
         FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND u.active`,
      [sessionId, userId],
    );
    return rows.length ? { ...rows[0], sessionId } : null;
  }

  /** Signs out: the session's token is refused from now on. */
  async end(sessionId: string): Promise<void> {
    await this.db.query(`DELETE FROM user_session WHERE id = $1`, [sessionId]);
  }

  /** Ends every session of a user, inside the transaction that changes the user. */
  async endAll(userId: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM user_session WHERE user_id = $1`, [userId]);
  }
}
