/**
 * Puppeteer's own settings (read by its install step and at launch). zhuanban prints with a system
 * Chromium or Chrome when there is one, so the browser download is skipped then; where none exists,
 * puppeteer fetches its chrome-headless-shell (when install scripts run), or run
 * `npx puppeteer browsers install chrome-headless-shell`.
 */
const { existsSync } = require('node:fs');
const { delimiter, join } = require('node:path');

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
const FIXED = [
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

function systemBrowser() {
  const env = process.env.ZHUANBAN_CHROMIUM || process.env.PUPPETEER_EXECUTABLE_PATH;
  if (env && existsSync(env)) return true;
  const dirs = (process.env.PATH || '').split(delimiter).filter(Boolean);
  return FIXED.some((p) => existsSync(p)) || dirs.some((d) => NAMES.some((n) => existsSync(join(d, n))));
}

module.exports = { skipDownload: systemBrowser() };
