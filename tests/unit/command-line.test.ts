// A mistyped option gets one line naming it and the usage, exit 2: never Node's stack trace.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const scripts = [
  ['scripts/bench.ts', 'bench'],
  ['scripts/lighthouse.ts', 'bench:lighthouse'],
  ['scripts/check-links.ts', 'check:links'],
  ['scripts/check-citations.ts', 'check:citations'],
  ['scripts/generate-articles.ts', 'generate-articles'],
] as const;

describe.each(scripts)('%s', (script, command) => {
  it('refuses an unknown option in one line with the usage, exit 2', () => {
    const run = spawnSync(process.execPath, [script, '--sizs', '100'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    const [first, usage] = run.stderr.trim().split('\n');
    expect(first).toBe(`${command}: Unknown option '--sizs'`);
    expect(usage).toMatch(/^Usage: /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints its usage for --help, exit 0', () => {
    const run = spawnSync(process.execPath, [script, '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: /);
  });
});
