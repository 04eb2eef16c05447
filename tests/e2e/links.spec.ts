// `npm run check:links` over the built site, and over a fixture site with known breakage.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/free-port.ts';
import { distDir } from './built-site.ts';

const checkLinks = async (dir: string) => {
  const port = await freePort();
  const result = spawnSync(process.execPath, ['scripts/check-links.ts', '--dir', dir], {
    encoding: 'utf8',
    env: { ...process.env, CHECK_LINKS_PORT: String(port) },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

describe('npm run check:links', () => {
  it('finds every internal link, image and #fragment of the built site resolving', async () => {
    const { status, output } = await checkLinks(distDir());
    console.log(output.trim().split('\n').at(-1));
    expect(output).toMatch(/\d+ internal links on \d+ pages checked/);
    expect(status, output).toBe(0);
  });

  it('fails on broken links, naming the page and the target', async () => {
    const { status, output } = await checkLinks('tests/fixtures/site-broken-links');
    expect(status).toBe(1);
    expect(output).toContain('broken  / → /no-such-page/ (HTTP 404)');
    expect(output).toContain('broken  / → /images/missing.png (HTTP 404)');
    expect(output).toContain('broken  / → /#missing-section (no element has that id)');
    expect(output).toContain('broken  / → /about/#team (no element has that id)');
    expect(output).toMatch(/: 4 broken\.$/m);
  });
});
