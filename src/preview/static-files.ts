/**
 * Read-only file serving for the preview: GET/HEAD only, paths checked by safe-path.ts, a small MIME
 * table (fonts, CSS, images, PDF) and no directory listings.
 */
import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveInside } from './safe-path.js';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

/** Send a short plain-text status response. */
export function sendStatus(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${text}\n`);
}

/** Serve `relPath` from `root`; 403 for a refused path, 404 for a missing one. */
export async function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  relPath: string,
): Promise<void> {
  const path = await resolveInside(root, relPath);
  if (!path) return sendStatus(res, 403, 'forbidden');
  let info: Stats;
  try {
    info = await stat(path);
  } catch {
    return sendStatus(res, 404, 'not found');
  }
  if (!info.isFile()) return sendStatus(res, 404, 'not found');
  res.writeHead(200, {
    'content-type': MIME[extname(path).toLowerCase()] ?? 'application/octet-stream',
    'content-length': info.size,
    // Fonts never change during a session; everything else is revalidated so edits show up.
    'cache-control': /\.(woff2?|ttf|otf)$/i.test(path) ? 'max-age=3600' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(path).pipe(res);
}
