import { performance } from 'node:perf_hooks';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventBus, queryPrepared } from '@retention/api-core';
import type { AppConfig, AuthenticatedUser } from '@retention/api-core';
import type { Role } from '@retention/contracts';
import { DataSource, EntityManager } from 'typeorm';

/** The channel on which PostgreSQL announces a user whose sessions ended or changed (migration AnnounceEndedSessions). */
export const SESSION_REVOKED_CHANNEL = 'session_revoked';
/** At most this many sessions are kept per process; past it the oldest kept goes. */
const MAX_KEPT = 10_000;

interface Kept {
  user: AuthenticatedUser;
  /** The bus's listening connection it was read under: trusted only while that one still listens. */
  connection: number;
  until: number;
}

/**
 * Server-side sessions: a token is good only while the session it names (its JWT id) exists and its
 * user is active. This is the one way a token stops working before it expires: signing out ends one
 * session; a password, role or activity change ends all of the user's sessions.
 */
@Injectable()
export class SessionsService {
  /**
   * The sessions this process checked lately, by session id. Every authenticated call checks its session, which
   * was a database round trip of its own (on a create, one of its eight); a kept session answers from memory for
   * SESSION_CACHE_SECONDS. An ended session stays refused everywhere: this process forgets a user's sessions when
   * it ends them, and PostgreSQL announces every ended session and every change of a user, whoever makes it
   * (triggers on user_session and app_user), to all processes, which forget that user when they hear it. A kept
   * session is trusted only while the connection that hears those announcements is the one it was read under
   * (none listening: every call asks the database). What is left is the delivery of the announcement to the other
   * processes, a few milliseconds after the commit, during which a call there may still pass.
   */
  private readonly kept = new Map<string, Kept>();
  /** Announcements heard so far: a read that one overtook is not kept (it may be from before the change). */
  private heard = 0;
  private following?: Promise<void>;

  constructor(
    private readonly db: DataSource,
    private readonly bus: EventBus,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

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
    const keepMs = this.config.get('SESSION_CACHE_SECONDS', { infer: true }) * 1000;
    if (keepMs > 0) await this.follow();
    const connection = this.bus.listening;
    const now = performance.now();
    const kept = this.kept.get(sessionId);
    if (kept && kept.connection === connection && kept.until > now && kept.user.id === userId) return kept.user;
    const heard = this.heard;
    // A prepared statement (parsed and planned once per connection).
    const rows: { id: string; username: string; role: Role; displayName: string }[] = await queryPrepared(
      this.db,
      `SELECT u.id, u.username, u.role, u.display_name AS "displayName"
         FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND u.active`,
      [sessionId, userId],
    );
    const user = rows.length ? { ...rows[0], sessionId } : null;
    if (user && keepMs > 0 && connection !== null && heard === this.heard && this.bus.listening === connection) {
      if (this.kept.size >= MAX_KEPT) this.kept.delete(this.kept.keys().next().value as string);
      this.kept.delete(sessionId);
      this.kept.set(sessionId, { user, connection, until: now + keepMs });
    }
    return user;
  }

  /** Signs out: the session's token is refused from now on. */
  async end(sessionId: string): Promise<void> {
    await this.db.query(`DELETE FROM user_session WHERE id = $1`, [sessionId]);
    this.heard++;
    this.kept.delete(sessionId);
  }

  /**
   * Ends every session of a user, inside the transaction that changes the user. This process forgets them now
   * and again once the transaction has committed (a call between the two could have kept one); the other
   * processes when PostgreSQL announces the commit.
   */
  async endAll(userId: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM user_session WHERE user_id = $1`, [userId]);
    this.forget(userId);
  }

  /** Drops what this process kept of a user's sessions (they ended, or the user changed). */
  forget(userId: string): void {
    this.heard++;
    for (const [id, k] of this.kept) if (k.user.id === userId) this.kept.delete(id);
  }

  /** Listens once for the announcements; when the bus cannot listen, tries again on a later call (and keeps nothing meanwhile). */
  private follow(): Promise<void> {
    this.following ??= this.bus.notifications(SESSION_REVOKED_CHANNEL).then(
      (revoked) => {
        revoked.subscribe((userId) => this.forget(userId));
      },
      () => {
        this.following = undefined;
      },
    );
    return this.following;
  }
}
