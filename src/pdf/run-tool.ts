/**
 * Run an external tool (gs, pdffonts, …) with a hard timeout: every external process is bounded and
 * killed on timeout (project rule; a hung Ghostscript must not hang a CI build), and a missing binary
 * becomes an error that says which Debian package to install.
 */
import { spawn } from 'node:child_process';
import { onShutdown } from '../io/shutdown.js';

/** What a finished tool run produced. */
export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Which Debian package provides each tool we call, for the "missing tool" message. */
const PACKAGES: Record<string, string> = {
  gs: 'ghostscript',
  pdffonts: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdfimages: 'poppler-utils',
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
};

/** Thrown when the binary is not installed. */
export class ToolMissingError extends Error {}

/** Run `command args` and collect its output; rejects on timeout (after SIGKILL) or if the tool is missing. */
export function runTool(
  command: string,
  args: string[],
  timeoutMs: number,
  env: Record<string, string> = {},
): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    // A signal to zhuanban ends the tool too (Ghostscript would otherwise run on, writing into a removed folder).
    const forget = onShutdown(() => child.kill('SIGKILL'));
    child.on('exit', () => forget());
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === 'ENOENT') {
        const pkg = PACKAGES[command] ?? command;
        reject(
          new ToolMissingError(
            `${command} not found: install the Debian package "${pkg}" (npm run setup does it) and retry`,
          ),
        );
      } else reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) return reject(new Error(`${command} timed out after ${timeoutMs} ms and was killed`));
      resolve({
        code: code ?? 1,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      });
    });
  });
}
