import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';

/** One server-sent event as read from the stream. */
export interface StreamEvent {
  type: string;
  data: unknown;
}

export interface EventStreamReader {
  status: number;
  contentType: string | null;
  /** The body of a refused stream (the error shape). */
  body: unknown;
  /** Waits for the next event that `match`es (events read earlier and not taken stay queued). */
  next: (match: (e: StreamEvent) => boolean, timeoutMs?: number) => Promise<StreamEvent>;
  close: () => void;
}

/** The app's HTTP server on a port of its own (supertest needs none, a streaming fetch does). */
async function baseUrl(app: INestApplication): Promise<string> {
  const server = app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Opens `path` (a text/event-stream) with the bearer token, as the console does, and parses its events. */
export async function openEventStream(app: INestApplication, path: string, token?: string): Promise<EventStreamReader> {
  const abort = new AbortController();
  const res = await fetch(`${await baseUrl(app)}${path}`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    signal: abort.signal,
  });
  const contentType = res.headers.get('content-type');
  const close = () => abort.abort();
  if (!contentType?.startsWith('text/event-stream') || !res.body) {
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, contentType, body, next: () => Promise.reject(new Error(`no stream: ${res.status}`)), close };
  }
  const queue: StreamEvent[] = [];
  const waiters: (() => void)[] = [];
  let buffer = '';
  let ended = false;
  void (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
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
          const text = data.join('\n');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // plain text data
          }
          queue.push({ type, data: parsed });
          waiters.splice(0).forEach((w) => w());
        }
      }
    } catch {
      // aborted
    } finally {
      ended = true;
      waiters.splice(0).forEach((w) => w());
    }
  })();
  const next = async (match: (e: StreamEvent) => boolean, timeoutMs = 5_000): Promise<StreamEvent> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = queue.findIndex(match);
      if (i >= 0) return queue.splice(i, 1)[0];
      if (ended) throw new Error('the stream ended');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms; seen: ${JSON.stringify(queue)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  };
  return { status: res.status, contentType, body: null, next, close };
}
