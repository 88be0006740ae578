import { DestroyRef, inject, Injectable, NgZone, signal } from '@angular/core';
import type { ConsoleEvent } from '@retention/contracts';
import { Observable, share } from 'rxjs';
import { AuthService } from '../auth';

/** Waits before reconnecting after a break: quick at first, then every 10 s. */
const RECONNECT_MS = [1_000, 2_000, 5_000, 10_000];

/** What the stream says: the console's events, and `ready` at every (re)connect (refetch what is shown). */
export type LiveMessage = ConsoleEvent | { type: 'ready' };

/** Splits a text/event-stream body into its events (`event:` name and JSON `data:`); returns what is left over. */
export function parseEventStream(buffer: string, emit: (type: string, data: unknown) => void): string {
  let cut: number;
  while ((cut = buffer.indexOf('\n\n')) >= 0) {
    const block = buffer.slice(0, cut);
    buffer = buffer.slice(cut + 2);
    let type = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) type = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (!data.length) continue;
    try {
      emit(type, JSON.parse(data.join('\n')));
    } catch {
      // not an event of ours
    }
  }
  return buffer;
}

/**
 * The console's live events (`GET /api/events`, server-sent events) read with fetch, so that the bearer token
 * goes in a header, never in a URL. One stream per tab, opened while someone listens and re-opened after a
 * break; `ready` comes at every (re)connect, so listeners refetch what may have changed meanwhile.
 */
@Injectable({ providedIn: 'root' })
export class ConsoleEvents {
  private readonly auth = inject(AuthService);
  private readonly zone = inject(NgZone);
  /** The stream is open (a `ready` came and it has not broken since). */
  readonly connected = signal(false);

  readonly messages: Observable<LiveMessage> = new Observable<LiveMessage>((subscriber) => {
    const stop = new AbortController();
    let attempt = 0;
    const run = async () => {
      while (!stop.signal.aborted) {
        const token = this.auth.token();
        if (!token) return;
        try {
          const res = await fetch('/api/events', { headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' }, signal: stop.signal });
          if (res.status === 401 || res.status === 403 || !res.body) return;
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            buffer = parseEventStream(buffer + value, (type, data) => {
              if (type === 'ping') return;
              if (type === 'ready') {
                attempt = 0;
                this.connected.set(true);
              }
              this.zone.run(() => subscriber.next((type === 'ready' ? { type: 'ready' } : data) as LiveMessage));
            });
          }
        } catch {
          // broken or aborted: try again below unless stopped
        }
        this.connected.set(false);
        if (stop.signal.aborted) return;
        await new Promise((r) => setTimeout(r, RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)]));
      }
    };
    // Outside Angular's zone: an endless fetch must not keep the application from being stable.
    this.zone.runOutsideAngular(() => void run());
    return () => {
      stop.abort();
      this.connected.set(false);
    };
  }).pipe(share());

  /** Subscribes for as long as `destroyRef` lives. */
  listen(destroyRef: DestroyRef, handle: (m: LiveMessage) => void): void {
    const sub = this.messages.subscribe(handle);
    destroyRef.onDestroy(() => sub.unsubscribe());
  }
}

