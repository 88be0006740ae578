import type { EventBus } from './event-bus';

/**
 * A value every API process keeps in memory instead of asking the database on each call (the active reason model,
 * the classifier version in use), kept right across processes by the event bus: the process that changes it
 * publishes one of `types` in its transaction, and every process drops its copy when it hears it (PostgreSQL
 * delivers the NOTIFY when that transaction commits). A copy is trusted only while the bus listens on the
 * connection it was read under; without a listening connection (not yet open, or lost and not yet back: events
 * sent meanwhile are lost) every call reads the database, as without a cache.
 *
 *     private readonly active = new EventCachedValue(this.bus, ['reason-model.switched'], () => this.readActive());
 *     ... await this.active.get()
 */
export class EventCachedValue<T> {
  private cached: { connection: number; value: T } | null = null;
  /** Events heard so far: a read that an event overtook is not kept (it may be from before the change). */
  private heard = 0;
  private following?: Promise<void>;

  constructor(
    private readonly bus: EventBus,
    private readonly types: readonly string[],
    private readonly load: () => Promise<T>,
  ) {}

  async get(): Promise<T> {
    await this.follow();
    const connection = this.bus.listening;
    if (this.cached && connection !== null && this.cached.connection === connection) return this.cached.value;
    const heard = this.heard;
    const value = await this.load();
    if (connection !== null && heard === this.heard && this.bus.listening === connection) this.cached = { connection, value };
    return value;
  }

  /** Drops the copy (this process changed the value; the event tells the others). */
  invalidate(): void {
    this.heard++;
    this.cached = null;
  }

  /** Subscribes once; when the bus cannot listen, tries again on a later call and reads the database meanwhile. */
  private follow(): Promise<void> {
    this.following ??= this.bus.stream().then(
      (events) => {
        events.subscribe((e) => {
          if (this.types.includes(e.type)) this.invalidate();
        });
      },
      () => {
        this.following = undefined;
      },
    );
    return this.following;
  }
}
