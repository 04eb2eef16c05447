// The body editor's "+" menu offers exactly the components the MDX safety check allows
// (src/lib/mdx/components.ts), written back in the one form the check and the site read.
import { CALLOUT_LEVELS, type CalloutLevel } from '../lib/mdx/components.ts';
import type { EditorComponent } from './decap.ts';
import { escapeHtml, miniMarkdown } from './html.ts';

const levelOptions = Object.entries(CALLOUT_LEVELS).map(([value, { label }]) => ({ value, label }));
const levelLabel = (level: unknown) => CALLOUT_LEVELS[level as CalloutLevel]?.label ?? String(level);

export const calloutComponent: EditorComponent = {
  id: 'callout',
  label: 'Urgency callout',
  fields: [
    { name: 'level', label: 'How urgent', widget: 'select', default: 'non-urgent', options: levelOptions },
    {
      name: 'title',
      label: 'What to do (heading)',
      widget: 'string',
      pattern: ['^[^"<>{}]+$', 'Leave out double quotes, angle brackets and braces.'],
    },
    {
      name: 'body',
      label: 'Details',
      widget: 'markdown',
      buttons: ['bold', 'italic', 'link', 'bulleted-list', 'numbered-list'],
      editor_components: [],
    },
  ],
  pattern: new RegExp(
    `^<Callout level="(${Object.keys(CALLOUT_LEVELS).join('|')})" title="([^"]*)">\\n\\n([\\s\\S]*?)\\n\\n</Callout>`,
  ),
  fromBlock: (match) => ({ level: match[1], title: match[2], body: match[3] }),
  toBlock: (data) =>
    `<Callout level="${data.level || 'non-urgent'}" title="${String(data.title || '').replace(/"/g, '”')}">\n\n${String(data.body || '').trim()}\n\n</Callout>`,
  toPreview: (data) =>
    `<div class="callout callout--${escapeHtml(data.level)}"><p class="callout__heading"><span class="callout__level">${escapeHtml(levelLabel(data.level))}:</span> ${escapeHtml(data.title)}</p><div class="callout__body">${miniMarkdown(String(data.body ?? ''))}</div></div>`,
};

export const helplineBoxComponent: EditorComponent = {
  id: 'helpline-box',
  label: 'Helpline box',
  fields: [],
  pattern: /^<HelplineBox \/>/,
  fromBlock: () => ({}),
  toBlock: () => '<HelplineBox />',
  toPreview: () =>
    '<div class="helpline-box"><p class="helpline-box__title">Need help now? Talk to someone.</p>' +
    '<p class="helpline-box__call"><span class="helpline-box__number">Call the helpline from site settings</span></p></div>',
};
