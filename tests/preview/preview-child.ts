/** Test helpers: run `zhuanban preview` as a child process and find the Chromium it owns. */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';

const exec = promisify(execFile);

/** A running preview child. */
export interface PreviewChild {
  url: string;
  child: ChildProcess;
  log(): string;
  /** SIGTERM, then wait for the exit code. */
  stop(): Promise<number | null>;
}

/** Start `zhuanban preview --port 0` in `cwd` and wait for the URL it prints. */
export function startPreviewChild(cwd: string, args: string[] = []): Promise<PreviewChild> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'zhuanban.mjs'), 'preview', '--port', '0', ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`preview did not print its URL:\n${err}`)), 60000);
    child.on('exit', (code) => fail(new Error(`preview exited ${code}:\n${err}`)));
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /preview at (http:\/\/\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      done({
        url: m[1]!,
        child,
        log: () => err,
        stop: async () => {
          if (child.exitCode !== null) return child.exitCode;
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
  });
}

/** Every process below `pid` (Chromium and its helpers). */
export async function descendants(pid: number): Promise<number[]> {
  let kids: number[] = [];
  try {
    kids = (await exec('pgrep', ['-P', String(pid)])).stdout.split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
  return [...kids, ...(await Promise.all(kids.map(descendants))).flat()];
}

/** Which of `pids` are still alive. */
export function alive(pids: number[]): number[] {
  return pids.filter((pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  });
}

/** A raw GET (no URL normalisation, unlike fetch) returning status and body. */
export function rawRequest(
  url: string,
  path: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((done, fail) => {
    const req = request({ hostname, port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}
