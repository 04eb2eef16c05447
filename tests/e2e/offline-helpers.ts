// Shared by the service worker tests: wait for the worker, read what it stored.
import type { Page } from 'playwright-core';

/** Waits until the service worker is installed and controls the page (it claims open pages on first install). */
export async function waitForWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
  });
}

/** Cache names and entry counts, as the page sees Cache Storage. */
export async function cacheCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const out: Record<string, number> = {};
    for (const name of await caches.keys()) out[name] = (await (await caches.open(name)).keys()).length;
    return out;
  });
}

/** The built HTML of a page with its text and revision changed: what the next deploy would serve. */
export function changedDeploy(html: string, marker: string): string {
  return html
    .replace(/(<meta name="page-revision" content=")[^"]+"/, `$1${marker}"`)
    .replace(/<h1([^>]*)>([^<]*)<\/h1>/, `<h1$1>$2 (${marker})</h1>`);
}
