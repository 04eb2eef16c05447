// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

// Canonical URLs, the sitemap and structured data all derive from this one address.
const site = process.env.SITE_URL ?? 'https://steadyground.example.org';

export default defineConfig({
  site,
  // Separate caches let fixture and benchmark builds run beside the real one without sharing state.
  ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: process.env.ASTRO_CACHE_DIR } : {}),
  trailingSlash: 'always',
  // Lossless whitespace removal: Astro 7's default JSX rules would glue "reviewed by" to the link after it.
  compressHTML: true,
  build: { format: 'directory' },
  integrations: [mdx()],
  markdown: {
    // Headings get ids from their text (github-slugger): stable while the wording stays.
    syntaxHighlight: false,
  },
  server: { port: Number(process.env.PORT ?? 4321), host: '127.0.0.1' },
  devToolbar: { enabled: false },
  vite: {
    build: {
      rolldownOptions: {
        // Astro marks every MDX module with "use astro:head-inject"; the bundler's warning about it
        // is noise that would bury real build messages.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
});
