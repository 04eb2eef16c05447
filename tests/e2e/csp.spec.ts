// The Content Security Policy in a real browser: public pages ship a hash-only policy, and
// nothing they do (search with Pagefind's WebAssembly and worker, the service worker, the
// review notice) is blocked by it.
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchOptions } from '../../scripts/lib/browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch(launchOptions());
});
afterAll(async () => browser?.close());

async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { cspViolations: string[] }).cspViolations.push(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`,
      );
    });
  });
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) console.push(message.text());
  });
  return async () => [
    ...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)),
    ...console,
  ];
}

describe('Content Security Policy', () => {
  it.each(['/', '/articles/baclofen-withdrawal/', '/a-z/', '/people/rowan-example/', '/reviews/', '/offline/'])(
    '%s ships a hash-only policy and breaks nothing',
    async (path) => {
      const page = await browser.newPage();
      const violations = await recordViolations(page);
      await page.goto(`${inject('baseUrl')}${path}`);
      await page.waitForLoadState('networkidle');
      const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(policy).toMatch(/default-src 'self'/);
      expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')*;/);
      expect(policy).not.toMatch(/unsafe-inline|'unsafe-eval'/);
      expect(await violations()).toEqual([]);
      await page.close();
    },
  );

  it('lets Pagefind search run (WebAssembly and its worker) with no violation', async () => {
    const page = await browser.newPage();
    const violations = await recordViolations(page);
    await page.goto(`${inject('baseUrl')}/search/?q=baclofen`);
    await expect
      .poll(() => page.locator('a[href*="/articles/baclofen-withdrawal/"]').count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(await violations()).toEqual([]);
    await page.close();
  });

  it('blocks an inline script the build did not hash (the policy really bites)', async () => {
    const page = await browser.newPage();
    const violations = await recordViolations(page);
    await page.goto(`${inject('baseUrl')}/a-z/`);
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    expect((await violations()).join('\n')).toMatch(/script-src/);
    await page.close();
  });
});
