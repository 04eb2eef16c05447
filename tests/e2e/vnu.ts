// The Nu HTML Checker (vnu-jar, run on Java): shared by the sample site's validity test and the
// generated large site's (scale.spec.ts).
import { spawnSync } from 'node:child_process';
import vnuJar from 'vnu-jar';

export interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
}

/** Runs the Nu HTML Checker over files; returns its error messages. */
export function validateHtml(files: string[]): VnuMessage[] {
  const result = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error)
    throw new Error(`Could not run java for the Nu HTML Checker (install a JRE): ${result.error.message}`);
  return (JSON.parse(result.stderr || '{"messages":[]}').messages as VnuMessage[]).filter((m) => m.type === 'error');
}
