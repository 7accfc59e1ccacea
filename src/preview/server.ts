/**
 * The preview's HTTP server (Node's http module). Routes:
 *   /                      the viewer (client/viewer.html)
 *   /__zb/client/NAME      the viewer's own scripts and styles
 *   /__zb/frame            the empty proof document the viewer fills with pages
 *   /__zb/state            the current ProofState as JSON
 *   /__zb/events           server-sent events
 *   POST /__zb/pdf         write output/edition.pdf of the current state
 *   /_project/…, /_package/…  read-only files (fonts, print.css, images, the PDF)
 * Safe by default: GET/HEAD only (plus the one same-origin POST), traversal refused before routing,
 * Host header checked against DNS rebinding, loopback unless --host says otherwise.
 */
import { catalogue } from '../i18n/index.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { EventHub } from './events.js';
import { isTraversal } from './safe-path.js';
import { sendStatus, serveFile } from './static-files.js';
import { MOUNTS } from './proof-links.js';
import type { ProofState } from './proof-state.js';
import { FONT_PACKAGES } from '../render/fonts.js';

const CLIENT_DIR = fileURLToPath(new URL('./client/', import.meta.url));

/** What the server needs from the rest of the preview. */
export interface ServerDeps {
  roots: { project: string; package: string };
  state(): ProofState;
  writePdf(): Promise<{ url: string; ms: number }>;
  /** Hosts allowed in the Host header; null allows any (when listening beyond loopback on purpose). */
  allowedHosts(): Set<string> | null;
  /** The viewer's messages in the project's language. */
  messages?(): { lang: string; messages: Record<string, string> };
}

function sendJson(res: ServerResponse, code: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(code, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}

const FRAME_CSS = '<link rel="stylesheet" href="/__zb/client/frame.css" data-zb>';

function frameDocument(state: ProofState): string {
  const head = (state.head || '<head><meta charset="utf-8"></head>').replace(/<\/head>\s*$/, `${FRAME_CSS}\n</head>`);
  return `<!DOCTYPE html>\n<html lang="zh-CN">\n${head}\n<body class="proof zb-frame"><div id="zb-pages"></div></body>\n</html>\n`;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return '';
  }
}

/** The request comes from a page of this server; an opaque origin (`null`, a sandboxed frame or file) never does. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin || !req.headers.host) return false;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** Create the server (not yet listening) and its event hub. */
export function createPreviewServer(deps: ServerDeps): { server: Server; hub: EventHub } {
  const hub = new EventHub();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const raw = req.url ?? '/';
    if (isTraversal(raw)) return sendStatus(res, 403, 'forbidden');
    const hosts = deps.allowedHosts();
    if (hosts && !hosts.has((req.headers.host ?? '').toLowerCase())) return sendStatus(res, 403, 'forbidden host');
    const path = raw.split(/[?#]/)[0]!;
    if (req.method === 'POST' && path === '/__zb/pdf') {
      if (!sameOrigin(req)) return sendStatus(res, 403, 'cross-origin request refused');
      try {
        return sendJson(res, 200, await deps.writePdf());
      } catch (error) {
        return sendJson(res, 500, { error: (error as Error).message });
      }
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('allow', 'GET, HEAD');
      return sendStatus(res, 405, 'method not allowed');
    }
    if (path === '/' || path === '/index.html') return serveFile(req, res, CLIENT_DIR, 'viewer.html');
    if (path.startsWith('/__zb/client/')) return serveFile(req, res, CLIENT_DIR, path.slice('/__zb/client/'.length));
    if (path === '/__zb/state') return sendJson(res, 200, deps.state());
    if (path === '/__zb/messages')
      return sendJson(res, 200, deps.messages?.() ?? { lang: 'en', messages: catalogue('en') });
    if (path === '/__zb/events') return hub.attach(res, deps.state().version);
    if (path === '/__zb/frame') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return void res.end(frameDocument(deps.state()));
    }
    if (path.startsWith(MOUNTS.project))
      return serveFile(req, res, deps.roots.project, path.slice(MOUNTS.project.length));
    if (path.startsWith(MOUNTS.package)) {
      const rel = path.slice(MOUNTS.package.length);
      // From zhuanban itself only what proofs link: styles and the bundled fonts (checked decoded: `%40` is `@`).
      const wanted = safeDecode(rel);
      if (!wanted.startsWith('styles/') && !FONT_PACKAGES.some((p) => wanted.startsWith(`node_modules/${p}/`)))
        return sendStatus(res, 403, 'forbidden');
      return serveFile(req, res, deps.roots.package, rel);
    }
    return sendStatus(res, 404, 'not found');
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (!res.headersSent) sendStatus(res, 500, (error as Error).message);
      else res.end();
    });
  });
  return { server, hub };
}
