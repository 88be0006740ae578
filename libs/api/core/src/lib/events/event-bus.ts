import { Global, Injectable, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Client } from 'pg';
import { filter, map, Observable, Subject } from 'rxjs';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app.config';
import { pgConfig } from '../time/app-clock';
import { notify, notifyCommitted } from './notify';

/** The PostgreSQL channel every API process listens on. */
export const EVENT_CHANNEL = 'console_events';
/** NOTIFY carries at most 8000 bytes: events name what changed, the console fetches the rest. */
const MAX_PAYLOAD = 7_900;
const RECONNECT_MS = [500, 1_000, 2_000, 5_000];

function payloadOf(event: BusEvent): string {
  const payload = JSON.stringify(event);
  if (Buffer.byteLength(payload) > MAX_PAYLOAD) throw new Error(`event ${event.type} too large for NOTIFY`);
  return payload;
}

/** Something that changed, for the consoles that are open: a plain JSON object with a `type`. */
export interface BusEvent {
  type: string;
  /** A permission: only users who have it hear the event (none: every reader of the stream). */
  audience?: string;
  [key: string]: unknown;
}

/**
 * The console's event bus across API processes: PostgreSQL LISTEN/NOTIFY. `publish` sends an event once the
 * caller's transaction commits, never for a rollback (see notify()); each process
 * keeps one connection of its own listening (opened on the first subscriber, re-opened after a break) and
 * hands every event to its subscribers (the server-sent event streams). Other channels (the webhooks'
 * outbox) are heard on the same connection through `notifications`.
 */
@Injectable()
export class EventBus implements OnApplicationShutdown {
  private readonly log = new Logger('EventBus');
  private readonly events = new Subject<BusEvent>();
  private readonly notices = new Subject<{ channel: string; payload: string }>();
  /** The channels this process listens on: the console's, and those features asked for. */
  private readonly channels = new Set<string>([EVENT_CHANNEL]);
  private client?: Client;
  private connecting?: Promise<void>;
  private closed = false;
  private attempts = 0;
  private generation = 0;

  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  /** Sends an event to every process, when `m`'s transaction commits (at once outside one). */
  async publish(m: Pick<EntityManager, 'query' | 'queryRunner'>, event: BusEvent): Promise<void> {
    await notify(m, EVENT_CHANNEL, payloadOf(event));
  }

  /** Sends an event of a change that has already committed (a statement outside a transaction): see notifyCommitted. */
  publishCommitted(db: DataSource, event: BusEvent): void {
    notifyCommitted(db, EVENT_CHANNEL, payloadOf(event));
  }

  /**
   * Which listening connection is open: a new number after every (re)connection, null while none is. Events sent
   * while no connection listened are lost, so a value kept fresh by events is trusted only while the connection
   * it was read under is still the one listening (see `EventCachedValue`).
   */
  get listening(): number | null {
    return this.client ? this.generation : null;
  }

  /** Every event from now on; resolves once this process is listening (so nothing sent after is missed). */
  async stream(): Promise<Observable<BusEvent>> {
    await this.listen();
    return this.events.asObservable();
  }

  /**
   * Every NOTIFY on `channel` from now on (its payload), heard on this process's one listening connection;
   * resolves once listening. After a broken connection is re-opened, notifications sent meanwhile are lost:
   * a listener that must not miss work also sweeps on a schedule.
   */
  async notifications(channel: string): Promise<Observable<string>> {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
    const added = !this.channels.has(channel);
    this.channels.add(channel);
    await this.listen();
    if (added) await this.client?.query(`LISTEN ${channel}`);
    return this.notices.pipe(
      filter((n) => n.channel === channel),
      map((n) => n.payload),
    );
  }

  private listen(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const url = this.config.get('DATABASE_URL', { infer: true }) as string;
    const client = new Client({ ...pgConfig(url), application_name: 'retention-events' });
    client.on('notification', (n) => {
      if (n.channel !== EVENT_CHANNEL) return this.notices.next({ channel: n.channel, payload: n.payload ?? '' });
      if (!n.payload) return;
      try {
        this.events.next(JSON.parse(n.payload) as BusEvent);
      } catch {
        this.log.warn('an event that is not JSON was ignored');
      }
    });
    client.on('error', (e) => this.lost(client, e));
    client.on('end', () => this.lost(client));
    await client.connect();
    for (const channel of this.channels) await client.query(`LISTEN ${channel}`);
    this.generation++;
    this.client = client;
    this.attempts = 0;
  }

  /** The listening connection broke: open another (events sent meanwhile are lost; the consoles refetch on reconnect). */
  private lost(client: Client, e?: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    if (this.closed) return;
    this.log.warn(`event listener connection lost${e ? `: ${e.message}` : ''}; reconnecting`);
    const retry = () => {
      if (this.closed || this.client) return;
      this.listen().catch(() => {
        this.attempts++;
        setTimeout(retry, RECONNECT_MS[Math.min(this.attempts, RECONNECT_MS.length - 1)]).unref();
      });
    };
    setTimeout(retry, RECONNECT_MS[0]).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = undefined;
    this.events.complete();
    this.notices.complete();
    await client?.end().catch(() => undefined);
  }
}

/** Provides the one `EventBus` of the application to every module. */
@Global()
@Module({ providers: [EventBus], exports: [EventBus] })
export class EventsModule {}
