// What a reader relies on, in Chromium: sample people are labelled in the byline itself, every
// [n] links to source n and back, emergency numbers can be called wherever they are printed,
// and a phone's first screen holds the lede, the emergency guidance and the start of the text.
import { readdirSync, readFileSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchOptions } from '../../scripts/lib/browser.ts';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.ts';

const yaml = (file: string) => splitFrontmatter(`---\n${readFileSync(file, 'utf8')}\n---\n`).data as any;
const settings = yaml('content/settings/site.yml');
const emergencyNumbers: string[] = [settings.emergencyNumber, settings.crisisLine.number];
const slugs = readdirSync('content/articles')
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => name.slice(0, -4))
  .filter((slug) => splitFrontmatter(readFileSync(`content/articles/${slug}.mdx`, 'utf8')).data.draft !== true);
const slug = 'baclofen-withdrawal';
const front = splitFrontmatter(readFileSync(`content/articles/${slug}.mdx`, 'utf8')).data as any;

let browser: Browser;
let page: Page;

async function open(path: string, target: Page = page) {
  const response = await target.goto(`${inject('baseUrl')}${path}`);
  expect(response?.status(), path).toBe(200);
}

beforeAll(async () => {
  browser = await chromium.launch(launchOptions());
  page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
});
afterAll(async () => browser?.close());

describe('byline', () => {
  it('labels a fictional sample reviewer and writer in the visible byline, beside their names', async () => {
    await open(`/articles/${slug}/`);
    const reviewer = yaml(`content/people/${front.reviewer}.yml`);
    const author = yaml(`content/people/${front.author}.yml`);
    expect(reviewer.sample && author.sample).toBe(true);
    const reviewed = (await page.locator('.byline__reviewed').innerText()).replace(/\s+/g, ' ');
    expect(reviewed).toContain(`${[reviewer.name, ...reviewer.credentials].join(', ')} (fictional sample reviewer) on`);
    const written = (await page.locator('.byline__author').innerText()).replace(/\s+/g, ' ');
    expect(written).toBe(`Written by ${author.name} (fictional sample writer)`);
    expect(await page.locator('.byline__sample').first().isVisible()).toBe(true);
  });

  it('says nothing of the kind for a real person (the label comes from the person file)', async () => {
    // Every shipped person is a sample; the people page for each says so too, so the label is never
    // printed for someone whose file does not say `sample: true`.
    for (const file of readdirSync('content/people').filter((name) => name.endsWith('.yml'))) {
      const person = yaml(`content/people/${file}`);
      await open(`/people/${file.slice(0, -4)}/`);
      expect(await page.locator('.sample-badge').count(), file).toBe(person.sample ? 1 : 0);
    }
  });
});

describe('citations', () => {
  it('link every [n] to source n with the label "Source n", and every source back to each citation', async () => {
    await open(`/articles/${slug}/`);
    const citations = await page.locator('.prose sup.citation a').evaluateAll((links) =>
      links.map((a) => ({
        href: a.getAttribute('href'),
        id: a.id,
        label: a.getAttribute('aria-label'),
        text: a.textContent,
      })),
    );
    expect(citations.length).toBeGreaterThanOrEqual(20);
    for (const citation of citations) {
      const number = Number(/^\[(\d+)\]$/.exec(citation.text ?? '')?.[1]);
      expect(number, JSON.stringify(citation)).toBeGreaterThanOrEqual(1);
      expect(number).toBeLessThanOrEqual(front.sources.length);
      expect(citation).toMatchObject({ href: `#source-${number}`, label: `Source ${number}` });
      expect(citation.id).toMatch(new RegExp(`^cite-${number}-\\d+$`));
    }
    // No [n] is left as plain text in the article body.
    expect(
      await page
        .locator('.prose')
        .evaluate(
          (prose) =>
            /\[\d+\]/.test(prose.textContent ?? '') && [...prose.querySelectorAll('sup.citation')].length === 0,
        ),
    ).toBe(false);
    const backLinks = await page
      .locator('.sources__back a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(backLinks.sort()).toEqual(citations.map((citation) => `#${citation.id}`).sort());
  });

  it('takes the reader to the source and back again', async () => {
    await open(`/articles/${slug}/`);
    await page.locator('.prose sup.citation a').first().click();
    expect(new URL(page.url()).hash).toBe('#source-1');
    expect(await page.locator('#source-1').isVisible()).toBe(true);
    await page.locator('#source-1 .sources__back a').first().click();
    expect(new URL(page.url()).hash).toBe('#cite-1-1');
    const box = await page.locator('#cite-1-1').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(-1);
    expect(box!.y).toBeLessThan(page.viewportSize()!.height);
  });

  it('prints one style, [1][3], on every article', async () => {
    for (const article of slugs) {
      await open(`/articles/${article}/`);
      expect(await page.locator('.prose').innerText(), article).not.toMatch(/\],\s*\[/);
    }
  });
});

describe('emergency numbers', () => {
  it(`are tel: links wherever ${emergencyNumbers.join(' or ')} is printed, on every article, the home page and the policy`, async () => {
    for (const path of [...slugs.map((article) => `/articles/${article}/`), '/', '/editorial-policy/', '/about/']) {
      await open(path);
      const unlinked = await page.evaluate((numbers) => {
        const pattern = new RegExp(`(?<![\\w-])(${numbers.join('|')})(?![\\w-])`);
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const found: string[] = [];
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement;
          if (!parent || parent.closest('[hidden], script, style')) continue;
          if (!pattern.test(node.textContent ?? '')) continue;
          const link = parent.closest('a');
          const number = pattern.exec(node.textContent ?? '')?.[1];
          if (link?.getAttribute('href') !== `tel:${number}`) found.push(node.textContent ?? '');
        }
        return found;
      }, emergencyNumbers);
      expect(unlinked, path).toEqual([]);
    }
  });

  it('makes the emergency callout title callable, and the article text too', async () => {
    await open(`/articles/${slug}/`);
    expect(
      await page.locator(`.callout--emergency .callout__heading a[href="tel:${settings.emergencyNumber}"]`).count(),
    ).toBe(1);
    expect(await page.locator(`.prose a.phone-link[href^="tel:"]`).count()).toBeGreaterThanOrEqual(1);
  });

  it('gives the sticky bar both the referral line, saying what it is for, and the emergency number', async () => {
    await open(`/articles/${slug}/`);
    const dial = settings.helpline.display.replace(/[^+0-9]/g, '');
    expect(await page.locator(`.helpline-bar a[href="tel:${dial}"]`).innerText()).toMatch(/treatment referral/i);
    expect(await page.locator(`.helpline-bar a[href="tel:${settings.emergencyNumber}"]`).innerText()).toMatch(
      /emergency/i,
    );
  });
});

describe('the first screen on a phone (390 × 844)', () => {
  it('shows the lede, the emergency guidance and the start of the article before the call bar', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const phone = await context.newPage();
    await open(`/articles/${slug}/`, phone);
    const bar = (await phone.locator('.helpline-bar').boundingBox())!;
    expect(bar.y + bar.height).toBeCloseTo(844, 0);
    const bottom = async (selector: string) => {
      const box = (await phone.locator(selector).first().boundingBox())!;
      return { top: box.y, bottom: box.y + box.height };
    };
    expect((await bottom('.article__lede')).bottom).toBeLessThanOrEqual(bar.y);
    expect((await bottom('.emergency-notice')).bottom).toBeLessThanOrEqual(bar.y);
    expect(await phone.locator(`.emergency-notice a[href="tel:${settings.emergencyNumber}"]`).isVisible()).toBe(true);
    // The first paragraph of the text itself starts on the first screen.
    expect((await bottom('.prose > p')).top + 40).toBeLessThanOrEqual(bar.y);
    // The picture and the takeaways come after it.
    for (const later of ['.key-takeaways', 'img.article__hero', '.prose > h2']) {
      expect((await bottom(later)).top, later).toBeGreaterThan((await bottom('.prose > p')).bottom);
    }
    await context.close();
  });

  it('keeps the contents list to one line, opening without JavaScript', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, javaScriptEnabled: false });
    const phone = await context.newPage();
    await open(`/articles/${slug}/`, phone);
    const toc = phone.locator('details.toc');
    expect(await toc.evaluate((details: HTMLDetailsElement) => details.open)).toBe(false);
    expect((await toc.boundingBox())!.height).toBeLessThan(60);
    expect(await phone.locator('.toc a').first().isVisible()).toBe(false);
    await phone.locator('.toc summary').click();
    expect(await phone.locator('.toc a').first().isVisible()).toBe(true);
    await context.close();
  });
});
