// scripts/preflight.cjs runs first in every npm script: on a Node the project cannot use, the first
// thing printed is one line saying which version is needed and how to get it, not a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { preflightProblem } = require('../../scripts/preflight.cjs') as {
  preflightProblem: (version: string, projectDir: string) => string | null;
};
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const NEEDED =
  /^Steady Ground needs Node\.js 22\.19\.0 or later, but this is Node (\S+): run `npm ci`.*install Node 24/;

/** Runs the preflight as npm would, on this Node pretending to be `version`. */
function runAs(version: string) {
  const fake = path.join(mkdtempSync(path.join(tmpdir(), 'preflight-')), 'fake-version.cjs');
  writeFileSync(fake, `Object.defineProperty(process.versions, 'node', { value: ${JSON.stringify(version)} });\n`);
  return spawnSync(process.execPath, ['--require', fake, 'scripts/preflight.cjs'], { encoding: 'utf8' });
}

describe('Node preflight', () => {
  it('stops an old Node with one clear line and exit 1', () => {
    for (const version of ['18.20.4', '20.20.2', '22.12.0', '22.18.0']) {
      const result = runAs(version);
      expect(result.status, version).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(result.stderr).toMatch(NEEDED);
      expect(result.stderr).toContain(`this is Node ${version}:`);
    }
  });

  it('lets 22.19+, 24 and later through silently', () => {
    for (const version of ['22.19.0', '24.21.0', '26.1.0']) {
      const result = runAs(version);
      expect([result.status, result.stdout, result.stderr], version).toEqual([0, '', '']);
    }
  });

  it('asks for npm ci when the dependencies are missing', () => {
    expect(preflightProblem('24.21.0', mkdtempSync(path.join(tmpdir(), 'bare-')))).toMatch(/run `npm ci` first/);
  });

  it('is what every user-facing npm script runs first', () => {
    for (const name of ['start', 'build', 'dev', 'test', 'check:content', 'review:record', 'cms']) {
      expect(pkg.scripts[name], name).toMatch(/^node scripts\/preflight\.cjs && /);
    }
  });

  it('agrees with engines and .nvmrc, and npm ci brings Node 24 for the scripts', () => {
    expect(pkg.engines.node).toBe('>=22.19.0');
    expect(pkg.devDependencies.node).toMatch(/^\^24\./);
    expect(pkg.allowScripts.node).toBe(true);
  });

  it.runIf(existsSync('/usr/bin/node'))('prints that line under the system Node too, if it is too old', () => {
    const result = spawnSync('/usr/bin/node', ['scripts/preflight.cjs'], { encoding: 'utf8' });
    const version = spawnSync('/usr/bin/node', ['--version'], { encoding: 'utf8' }).stdout.trim().slice(1);
    if (preflightProblem(version, process.cwd())) expect(result.stderr).toMatch(NEEDED);
    else expect(result.status).toBe(0);
  });
});
