// The baseline the CLI is measured against: bare Chromium through puppeteer (launch, load the final
// HTML, wait for its fonts, print) with nothing of zhuanban loaded. Plain JavaScript so no transpiler
// start-up is counted. Usage: node bare-print.mjs <html> <pdf>
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer';

const [html, pdf] = process.argv.slice(2);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const browser = await puppeteer.launch({
  executablePath: process.env.ZHUANBAN_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--disable-gpu', '--disable-dev-shm-usage', '--font-render-hinting=none', ...(isRoot ? ['--no-sandbox'] : [])],
});
try {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
  await page.evaluate('document.fonts.ready.then(() => true)');
  await writeFile(pdf, await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true, outline: true }));
} finally {
  await browser.close();
}
