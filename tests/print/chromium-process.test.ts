/**
 * Chromium is started without puppeteer (so a build loads puppeteer while Chromium starts), with the
 * command line puppeteer's launcher would give it: the printed PDF depends on those flags.
 */
import puppeteerCore from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { chromiumArgs, FLAGS } from '../../src/print/chromium-process.js';

describe('the Chromium command line', () => {
  it.each([true, 'shell'] as const)('is puppeteer’s own for headless: %s', (headless) => {
    const flags = [...FLAGS, '--no-sandbox'];
    expect(chromiumArgs(flags, headless, '/tmp/profile')).toEqual(
      puppeteerCore.defaultArgs({ args: [...flags], headless, userDataDir: '/tmp/profile' }),
    );
  });
});
