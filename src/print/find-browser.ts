/**
 * Which browser prints the edition, in this order: the one named by ZHUANBAN_CHROMIUM or
 * PUPPETEER_EXECUTABLE_PATH; a system Chromium or Chrome (well-known install paths, then PATH);
 * puppeteer's own managed browser (`npx puppeteer browsers install chrome-headless-shell`).
 * None found: one message naming the three ways to get one.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The chosen browser and how it was found. */
export interface BrowserChoice {
  path: string;
  /** `env`: named by a variable; `system`: installed on the machine; `managed`: puppeteer's download. */
  source: 'env' | 'system' | 'managed';
  /** puppeteer's chrome-headless-shell needs `headless: 'shell'`; a full browser runs the new headless mode. */
  headless: true | 'shell';
}

/** Thrown when no browser is found; the message names every way to get one. */
export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
}

/** Well-known install paths per platform, most specific first. */
function knownPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    const apps = ['/Applications', join(homedir(), 'Applications')];
    return apps.flatMap((dir) => [
      join(dir, 'Chromium.app/Contents/MacOS/Chromium'),
      join(dir, 'Google Chrome.app/Contents/MacOS/Google Chrome'),
      join(dir, 'Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing'),
    ]);
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => !!r);
    return roots.flatMap((dir) => [
      join(dir, 'Google/Chrome/Application/chrome.exe'),
      join(dir, 'Chromium/Application/chrome.exe'),
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/lib/chromium/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/snap/bin/chromium',
  ];
}

/** Browser command names looked up on PATH (what `which` would find). */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** Where to look; injectable so the order can be tested without the machine's browsers. */
export interface BrowserLookup {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  exists(path: string): boolean;
  /** puppeteer's managed browsers (chrome-headless-shell first), whether downloaded or not. */
  managed(): { path: string; headless: true | 'shell' }[];
}

function onPath(lookup: BrowserLookup): string | undefined {
  const dirs = (lookup.env.PATH ?? '').split(delimiter).filter(Boolean);
  const suffix = lookup.platform === 'win32' ? '.exe' : '';
  for (const name of PATH_NAMES) {
    for (const dir of dirs) {
      const path = join(dir, name + suffix);
      if (lookup.exists(path)) return path;
    }
  }
  return undefined;
}

/** The message when no browser is found. */
export const NO_BROWSER_MESSAGE =
  'no Chromium or Chrome found. Any one of these fixes it:\n' +
  '  1. name one: ZHUANBAN_CHROMIUM=/path/to/chromium (or PUPPETEER_EXECUTABLE_PATH)\n' +
  '  2. install one: apt-get install chromium (Debian/Ubuntu), brew install --cask chromium (macOS),\n' +
  '     dnf install chromium (Fedora), pacman -S chromium (Arch)\n' +
  '  3. let puppeteer fetch its own: npx puppeteer browsers install chrome-headless-shell';

/** Find the browser to print with, in the documented order. */
export function findBrowser(lookup: BrowserLookup): BrowserChoice {
  for (const name of ['ZHUANBAN_CHROMIUM', 'PUPPETEER_EXECUTABLE_PATH']) {
    const path = lookup.env[name];
    if (!path) continue;
    if (!lookup.exists(path))
      throw new BrowserNotFoundError(
        `${name}=${path}: no such file. Unset it or point it at a Chromium or Chrome binary.`,
      );
    return { path, source: 'env', headless: true };
  }
  const system = knownPaths(lookup.platform, lookup.env).find((p) => lookup.exists(p)) ?? onPath(lookup);
  if (system) return { path: system, source: 'system', headless: true };
  const managed = lookup.managed().find((m) => lookup.exists(m.path));
  if (managed) return { ...managed, source: 'managed' };
  throw new BrowserNotFoundError(NO_BROWSER_MESSAGE);
}

/** This machine's lookup (its environment, platform and files); `managed` lists puppeteer's downloads, none by default. */
export function machineLookup(managed: BrowserLookup['managed'] = () => []): BrowserLookup {
  return { env: process.env, platform: process.platform, exists: existsSync, managed };
}

/**
 * The browser on this machine, when one is named or installed; otherwise undefined (puppeteer's own
 * downloads need puppeteer to be found, and a named browser that is missing is said when the build launches).
 */
export function installedBrowser(): BrowserChoice | undefined {
  try {
    return findBrowser(machineLookup());
  } catch {
    return undefined;
  }
}
