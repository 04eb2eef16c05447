// Serves a built site with `astro preview` (what `npm start` serves) and waits until it answers.
// Used by the browser tests, the search measurement and Lighthouse.
import { spawn } from 'node:child_process';

export interface PreviewServer {
  url: string;
  stop(): void;
}

export async function startPreview({
  distDir,
  port,
  cwd,
}: {
  distDir: string;
  port: number;
  cwd?: string;
}): Promise<PreviewServer> {
  const url = `http://127.0.0.1:${port}`;
  // --ignore-lock: may run beside a developer's own `npm start`.
  const server = spawn(
    process.execPath,
    [
      'node_modules/astro/bin/astro.mjs',
      'preview',
      '--ignore-lock',
      '--outDir',
      distDir,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
    ],
    {
      cwd,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || server.exitCode !== null) {
      server.kill();
      throw new Error(`astro preview did not start on ${url}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, stop: () => server.kill() };
}
