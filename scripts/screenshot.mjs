// Developer aid: screenshots of built pages in Debian's Chromium.
// Usage: node scripts/screenshot.mjs http://127.0.0.1:4321/path out.png [width] [dark]
import { chromium } from 'playwright-core';
import { launchOptions } from './lib/browser.ts';

const [url, out, width = '1280', scheme = 'light', full = ''] = process.argv.slice(2);
const browser = await chromium.launch(launchOptions());
const page = await browser.newPage({
  viewport: { width: Number(width), height: 900 },
  colorScheme: scheme === 'dark' ? 'dark' : 'light',
});
await page.goto(url);
await page.screenshot({ path: out, fullPage: full === 'full' });
await browser.close();
