/** The browser order: a named one, then a system Chromium/Chrome, then puppeteer's own; none → one message with all three ways. */
import { describe, expect, it } from 'vitest';
import { type BrowserLookup, BrowserNotFoundError, findBrowser } from '../../src/print/find-browser.js';

const MANAGED = '/home/u/.cache/puppeteer/chrome-headless-shell/linux-1/chrome-headless-shell';

function lookup(files: string[], env: NodeJS.ProcessEnv = {}, platform: NodeJS.Platform = 'linux'): BrowserLookup {
  const present = new Set(files);
  return { env, platform, exists: (p) => present.has(p), managed: () => [{ path: MANAGED, headless: 'shell' }] };
}

describe('findBrowser', () => {
  it('takes ZHUANBAN_CHROMIUM before anything on the machine', () => {
    const choice = findBrowser(
      lookup(['/opt/mine/chrome', '/usr/bin/chromium', MANAGED], { ZHUANBAN_CHROMIUM: '/opt/mine/chrome' }),
    );
    expect(choice).toEqual({ path: '/opt/mine/chrome', source: 'env', headless: true });
  });

  it('takes PUPPETEER_EXECUTABLE_PATH when ZHUANBAN_CHROMIUM is unset', () => {
    expect(
      findBrowser(lookup(['/x/chrome', '/usr/bin/chromium'], { PUPPETEER_EXECUTABLE_PATH: '/x/chrome' })).path,
    ).toBe('/x/chrome');
  });

  it('refuses a named browser that does not exist instead of silently using another', () => {
    expect(() => findBrowser(lookup(['/usr/bin/chromium'], { ZHUANBAN_CHROMIUM: '/nope' }))).toThrow(
      /ZHUANBAN_CHROMIUM=\/nope: no such file/,
    );
  });

  it('prefers a system Chromium or Chrome to puppeteer’s managed browser', () => {
    expect(findBrowser(lookup(['/usr/bin/google-chrome', MANAGED]))).toEqual({
      path: '/usr/bin/google-chrome',
      source: 'system',
      headless: true,
    });
    const mac = findBrowser(
      lookup(['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', MANAGED], {}, 'darwin'),
    );
    expect(mac.source).toBe('system');
  });

  it('finds a browser on PATH as `which` would', () => {
    expect(findBrowser(lookup(['/home/u/bin/chromium', MANAGED], { PATH: '/usr/local/bin:/home/u/bin' })).path).toBe(
      '/home/u/bin/chromium',
    );
  });

  it('falls back to puppeteer’s chrome-headless-shell in shell mode', () => {
    expect(findBrowser(lookup([MANAGED]))).toEqual({ path: MANAGED, source: 'managed', headless: 'shell' });
  });

  it('with nothing found, names the three ways in one message', () => {
    let error: unknown;
    try {
      findBrowser(lookup([]));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    const message = (error as Error).message;
    expect(message).toContain('ZHUANBAN_CHROMIUM');
    expect(message).toContain('brew install --cask chromium');
    expect(message).toContain('npx puppeteer browsers install chrome-headless-shell');
  });
});
