/**
 * Server-sent events to every open viewer (Node's http only, no WebSocket dependency): `building`,
 * `state` (a new proof or a failure; the viewer then fetches /__zb/state) and `css` (print.css changed).
 */
import type { ServerResponse } from 'node:http';

/** The set of connected viewers. */
export class EventHub {
  private clients = new Set<ServerResponse>();
  private ping: NodeJS.Timeout;

  constructor() {
    // A comment line every 15 s keeps proxies and idle timers from closing the stream.
    this.ping = setInterval(() => {
      for (const c of this.clients) c.write(': ping\n\n');
    }, 15000);
    this.ping.unref();
  }

  /** Attach a viewer; it first gets `hello` with the current version. */
  attach(res: ServerResponse, version: number): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write(`retry: 500\nevent: hello\ndata: ${JSON.stringify({ version })}\n\n`);
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  /** Send one event to every viewer. */
  send(event: string, data: unknown): void {
    const chunk = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const c of this.clients) c.write(chunk);
  }

  /** End every stream (so the server can close). */
  close(): void {
    clearInterval(this.ping);
    for (const c of this.clients) c.end();
    this.clients.clear();
  }
}
