/**
 * `--open`: hand the URL to the desktop's browser via xdg-open (or `open` on macOS). Best effort: a
 * machine without one (CI, containers) only gets a note, never a failed command.
 */
import { spawn } from 'node:child_process';

/** Try to open `url`; reports why not through `log`. */
export function openInBrowser(url: string, log: (line: string) => void): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => log(`could not open a browser (${command} not available); open ${url} yourself`));
    child.unref();
  } catch {
    log(`could not open a browser; open ${url} yourself`);
  }
}
