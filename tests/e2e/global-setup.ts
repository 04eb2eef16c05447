// Serves the built dist/ with `astro preview` (what `npm start` serves) for the browser tests.
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../scripts/lib/free-port.ts';
import { type PreviewServer, startPreview } from '../../scripts/lib/preview-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: PreviewServer | undefined;

export default async function setup(project: TestProject) {
  // DIST_DIR serves another build (a benchmark or a side-by-side build) instead of dist/.
  const distDir = process.env.DIST_DIR ?? 'dist';
  if (!existsSync(`${distDir}/index.html`)) {
    throw new Error(`${distDir}/ has no built site: run \`npm run build\` first (\`npm test\` does this for you).`);
  }
  const preview = await startPreview({ distDir, port: Number(process.env.E2E_PORT ?? (await freePort())) });
  server = preview;
  project.provide('baseUrl', preview.url);
  return () => {
    server?.stop();
  };
}
