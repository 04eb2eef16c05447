// The editor at /admin/: Decap CMS with Steady Ground's widgets, previews and save checks.
// Bundled by src/integrations/decap-admin.ts; runs after decap-cms.js has loaded.
import { parse as parseYaml } from 'yaml';
import { normalisedEntry, problemSummary } from '../lib/cms/entry-check.ts';
import { reviewDueFilters } from '../lib/cms/view-filters.ts';
import { fromUtcDate } from '../lib/core/dates.ts';
import { BodyControl, BodyPreview } from './body-widget.ts';
import { CMS, type ImmutableMap, toJs } from './decap.ts';
import { checked, registerCheckedWidgets, showProblems } from './field-checks.ts';
import { enhanceEntryLists } from './list-groups.ts';
import { loadSiteData } from './people.ts';
import { PREVIEWS } from './previews.ts';
import { ReviewDateControl, ReviewDatePreview } from './review-date-widget.ts';
import { ReviewFingerprintControl, ReviewFingerprintPreview } from './review-fingerprint-widget.ts';

interface Collection {
  name: string;
  view_filters?: unknown[];
  fields?: Array<{ name: string; widget?: string; warning_days?: number }>;
}

registerCheckedWidgets();
CMS.registerWidget('review-date', checked(ReviewDateControl), ReviewDatePreview);
CMS.registerWidget('mdx-body', BodyControl, BodyPreview);
CMS.registerWidget('review-fingerprint', ReviewFingerprintControl, ReviewFingerprintPreview);
CMS.registerPreviewStyle('preview.css');
CMS.registerPreviewStyle('cms-preview.css');
for (const [collection, template] of Object.entries(PREVIEWS)) CMS.registerPreviewTemplate(collection, template);

CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }) => {
    const collection = String(entry.get('collection'));
    let data = entry.get('data') as ImmutableMap;
    // Cleared optional fields and an unused picture are left out of the file, as if never filled in.
    const keep = normalisedEntry(collection, toJs(data));
    for (const key of Object.keys(toJs<Record<string, unknown>>(data))) if (!(key in keep)) data = data.delete(key);
    const problems = showProblems(entry);
    const summary = problemSummary(problems);
    if (summary)
      throw new Error(`Not saved: the site would reject this page. Fix the fields marked in red.\n${summary}`);
    return data;
  },
});

/** The list filters for reviews overdue or due soon, worked out for the day the editor opens. */
function withTodaysFilters(config: { collections: Collection[] }) {
  const articles = config.collections.find((c) => c.name === 'articles');
  const nextDue = articles?.fields?.find((f) => f.name === 'nextReviewDue');
  if (articles && nextDue) {
    articles.view_filters = [
      ...reviewDueFilters(fromUtcDate(new Date()), nextDue.warning_days ?? 60),
      ...(articles.view_filters ?? []),
    ];
  }
  return config;
}

async function start() {
  const [response] = await Promise.all([fetch('config.yml', { cache: 'no-cache' }), loadSiteData()]);
  if (!response.ok) throw new Error(`config.yml: HTTP ${response.status}`);
  const config = withTodaysFilters(parseYaml(await response.text()));
  CMS.init({ config: { ...config, load_config_file: false } });
  enhanceEntryLists();
}

start().catch((error: unknown) => {
  document.body.textContent = `The editor could not start: ${error instanceof Error ? error.message : String(error)}`;
});
