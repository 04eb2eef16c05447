// The editor at /admin/: Decap CMS with Steady Ground's widgets, editor components, previews and
// save checks. Bundled by src/integrations/decap-admin.ts; runs after decap-cms.js has loaded.
import { parse as parseYaml } from 'yaml';
import { reviewDueFilters } from '../lib/cms/view-filters.ts';
import { fromUtcDate } from '../lib/core/dates.ts';
import { CMS, type ImmutableMap, toJs } from './decap.ts';
import { calloutComponent, helplineBoxComponent } from './editor-components.ts';
import { PREVIEWS } from './previews.ts';
import { ReviewDateControl, ReviewDatePreview } from './review-date-widget.ts';
import { clearedKeys, OPTIONAL_PICTURES, optionalPicture, schemaProblems } from './save-checks.ts';

interface Collection {
  name: string;
  view_filters?: unknown[];
  fields?: Array<{ name: string; widget?: string; warning_days?: number }>;
}

CMS.registerWidget('review-date', ReviewDateControl, ReviewDatePreview);
CMS.registerEditorComponent(calloutComponent);
CMS.registerEditorComponent(helplineBoxComponent);
CMS.registerPreviewStyle('preview.css');
CMS.registerPreviewStyle('cms-preview.css');
for (const [collection, template] of Object.entries(PREVIEWS)) CMS.registerPreviewTemplate(collection, template);

CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }) => {
    const collection = String(entry.get('collection'));
    let data = entry.get('data') as ImmutableMap;
    for (const key of clearedKeys(toJs(data))) data = data.delete(key);
    const picture = OPTIONAL_PICTURES[collection];
    if (picture) {
      const verdict = optionalPicture(toJs(data.get(picture[0])), picture[1]);
      if ('error' in verdict) throw new Error(verdict.error);
      if ('drop' in verdict && data.has(picture[0])) data = data.delete(picture[0]);
    }
    const problems = schemaProblems(collection, toJs(data));
    if (problems.length > 0) throw new Error(`Not saved: the site would reject this page.\n${problems.join('\n')}`);
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
  const response = await fetch('config.yml', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`config.yml: HTTP ${response.status}`);
  const config = withTodaysFilters(parseYaml(await response.text()));
  CMS.init({ config: { ...config, load_config_file: false } });
}

start().catch((error: unknown) => {
  document.body.textContent = `The editor could not start: ${error instanceof Error ? error.message : String(error)}`;
});
