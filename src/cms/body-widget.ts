// The body editor ("mdx-body" widget). Decap's own Markdown widget opens in rich text, whose
// serializer rewrites the whole article on the first save (it drops the second citation of [1][3],
// changes list markers, inlines link references, loses table alignment and unescapes \< and \{).
// This editor instead edits the stored text itself: a text area with a toolbar whose every action
// is a splice of that text (src/lib/cms/text-edits.ts), so saving changes exactly what the editor
// changed. The toolbar keeps what editors need without writing code: bold, italic, links,
// headings, lists, citations of the sources, the urgency callout, the helpline box and pictures
// (from the media library, with alt text). Problems in the text are listed under it as the editor
// types, each with its line and, where there is one, a one-click fix.
import {
  calloutAt,
  calloutBlock,
  citationEdit,
  type Edit,
  imageMarkdown,
  insertBlock,
  linkEdit,
  replaceRange,
  type Selection,
  toggleLinePrefix,
  toggleWrap,
} from '../lib/cms/text-edits.ts';
import { CALLOUT_LEVELS, type CalloutLevel } from '../lib/mdx/components.ts';
import { applyFix, type BodyProblem, bodyProblems } from '../lib/mdx/editor-check.ts';
import { renderBody } from './body-render.ts';
import { createClass, type Element, h, type ImmutableMap, toJs } from './decap.ts';
import { notifyEntryChanged } from './entry-events.ts';
import { site } from './people.ts';

interface BodyProps {
  value?: string;
  forID: string;
  field: ImmutableMap;
  classNameWrapper: string;
  onChange: (value: string) => void;
  setActiveStyle: () => void;
  setInactiveStyle: () => void;
  onOpenMediaLibrary: (options: Record<string, unknown>) => void;
  onRemoveInsertedMedia: (controlID: string) => void;
  mediaPaths: ImmutableMap;
  getEntry: () => ImmutableMap;
}

type Panel = 'callout' | 'link' | 'image' | 'cite' | null;

interface BodyState {
  panel: Panel;
  level: CalloutLevel;
  title: string;
  details: string;
  /** The callout being edited in place, if the panel was opened inside one. */
  editing?: { from: number; to: number };
  url: string;
  imagePath: string;
  alt: string;
}

interface Control {
  props: BodyProps;
  state: BodyState;
  setState(state: Partial<BodyState>): void;
  textarea?: HTMLTextAreaElement | null;
  selection: Selection;
  pendingSelection?: Selection;
  controlID: string;
  cache?: { value: string; problems: BodyProblem[] };
  // Methods of the spec below (createClass binds them to the instance).
  problemsFor(value: string): BodyProblem[];
  text(): string;
  apply(edit: Edit): void;
  rememberSelection(): void;
  openCallout(): void;
  submitCallout(): void;
  openMediaLibrary(): void;
}

const LEVELS = Object.entries(CALLOUT_LEVELS) as Array<[CalloutLevel, { label: string }]>;

/** The text as stored, and back: a text area hands out \n, a file written with \r\n keeps them. */
const usesCrlf = (text: string) => text.includes('\r\n');
const fromTextarea = (typed: string, original: string) =>
  usesCrlf(original) ? typed.replace(/\r?\n/g, '\r\n') : typed;

function button(label: string, onClick: () => void, extra: Record<string, unknown> = {}): Element {
  return h(
    'button',
    {
      type: 'button',
      className: 'sg-body-button',
      // Keep the text area's selection while the toolbar is used.
      onMouseDown: (event: { preventDefault: () => void }) => event.preventDefault(),
      onClick,
      ...extra,
    },
    label,
  );
}

export const BodyControl = createClass({
  getInitialState(this: Control): BodyState {
    this.selection = { start: 0, end: 0 };
    this.controlID = `body-${Math.random().toString(36).slice(2)}`;
    return { panel: null, level: 'non-urgent', title: '', details: '', url: 'https://', imagePath: '', alt: '' };
  },

  // Decap re-renders a widget only when its own value changes unless it says otherwise; this one
  // also follows the media library (a picture chosen for it).
  shouldComponentUpdate() {
    return true;
  },

  componentDidUpdate(this: Control) {
    const chosen = toJs<string | string[] | undefined>(this.props.mediaPaths?.get(this.controlID));
    const path = Array.isArray(chosen) ? chosen[0] : chosen;
    if (path) {
      this.props.onRemoveInsertedMedia(this.controlID);
      this.setState({ panel: 'image', imagePath: path, alt: '' });
    }
    if (this.pendingSelection && this.textarea) {
      const { start, end } = this.pendingSelection;
      this.pendingSelection = undefined;
      this.textarea.focus();
      this.textarea.setSelectionRange(start, end);
    }
  },

  /** Decap asks every field before saving: the body must be something the site can build. */
  isValid(this: Control) {
    const problems = this.problemsFor(this.props.value ?? '');
    if (problems.length === 0) return true;
    return {
      error: {
        type: 'CUSTOM',
        message: `The body has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} that would stop the page from building: see the list under the text.`,
      },
    };
  },

  problemsFor(this: Control, value: string): BodyProblem[] {
    if (this.cache?.value !== value) this.cache = { value, problems: bodyProblems(value) };
    return this.cache.problems;
  },

  text(this: Control): string {
    return this.props.value ?? '';
  },

  apply(this: Control, edit: Edit) {
    this.pendingSelection = edit.selection;
    this.props.onChange(fromTextarea(edit.text, this.props.value ?? ''));
    notifyEntryChanged();
  },

  rememberSelection(this: Control) {
    if (this.textarea) this.selection = { start: this.textarea.selectionStart, end: this.textarea.selectionEnd };
  },

  openCallout(this: Control) {
    const existing = calloutAt(this.text(), this.selection.start);
    this.setState(
      existing
        ? {
            panel: 'callout',
            level: existing.level,
            title: existing.title,
            details: existing.details,
            editing: existing,
          }
        : { panel: 'callout', level: 'non-urgent', title: '', details: '', editing: undefined },
    );
  },

  submitCallout(this: Control) {
    const { level, title, details, editing } = this.state;
    if (!title.trim() || !details.trim()) return;
    const block = calloutBlock({ level, title, details });
    this.apply(
      editing
        ? replaceRange(this.text(), editing.from, editing.to, block)
        : insertBlock(this.text(), this.selection, block),
    );
    this.setState({ panel: null, editing: undefined });
  },

  openMediaLibrary(this: Control) {
    this.props.onOpenMediaLibrary({
      controlID: this.controlID,
      forImage: true,
      privateUpload: false,
      value: [],
      allowMultiple: false,
      field: this.props.field,
    });
  },

  render(this: Control) {
    const { forID, classNameWrapper, setActiveStyle, setInactiveStyle } = this.props;
    const value = this.props.value ?? '';
    const state = this.state;
    const text = () => this.props.value ?? '';
    const apply = (edit: Edit) => this.apply(edit);
    const sel = () => this.selection;
    const problems = this.problemsFor(value);
    const sources = toJs<Array<{ title?: string; publisher?: string; year?: number }> | undefined>(
      this.props.getEntry?.().getIn(['data', 'sources']),
    );

    const toolbar = h(
      'div',
      { className: 'sg-body-toolbar', role: 'toolbar', 'aria-label': 'Format the body' },
      button('Bold', () => apply(toggleWrap(text(), sel(), '**', 'bold words'))),
      button('Italic', () => apply(toggleWrap(text(), sel(), '*', 'italic words'))),
      button('Link', () => this.setState({ panel: 'link', url: 'https://' })),
      button('Heading', () => apply(toggleLinePrefix(text(), sel(), '## '))),
      button('Subheading', () => apply(toggleLinePrefix(text(), sel(), '### '))),
      button('Bulleted list', () => apply(toggleLinePrefix(text(), sel(), '- '))),
      button('Numbered list', () => apply(toggleLinePrefix(text(), sel(), '1. '))),
      button('Cite a source', () => this.setState({ panel: 'cite' })),
      button('Urgency callout', () => this.openCallout()),
      button('Helpline box', () => apply(insertBlock(text(), sel(), '<HelplineBox />'))),
      button('Picture', () => this.openMediaLibrary()),
    );

    let panel: Element | null = null;
    if (state.panel === 'callout') {
      panel = h(
        'div',
        { className: 'sg-body-panel', role: 'group', 'aria-label': 'Urgency callout' },
        h(
          'label',
          null,
          'How urgent ',
          h(
            'select',
            {
              value: state.level,
              onChange: (e: { target: { value: string } }) => this.setState({ level: e.target.value as CalloutLevel }),
            },
            ...LEVELS.map(([level, { label }]) => h('option', { key: level, value: level }, label)),
          ),
        ),
        h(
          'label',
          null,
          'What to do (heading) ',
          h('input', {
            type: 'text',
            value: state.title,
            onChange: (e: { target: { value: string } }) => this.setState({ title: e.target.value }),
          }),
        ),
        h(
          'label',
          null,
          'Details (one point per line, starting with “- ”) ',
          h('textarea', {
            rows: 4,
            value: state.details,
            onChange: (e: { target: { value: string } }) => this.setState({ details: e.target.value }),
          }),
        ),
        h(
          'div',
          { className: 'sg-body-panel-actions' },
          h(
            'button',
            {
              type: 'button',
              className: 'sg-body-primary',
              disabled: !state.title.trim() || !state.details.trim(),
              onClick: () => this.submitCallout(),
            },
            state.editing ? 'Update callout' : 'Insert callout',
          ),
          button('Cancel', () => this.setState({ panel: null, editing: undefined })),
        ),
      );
    } else if (state.panel === 'link') {
      const valid = /^(?:https:\/\/\S+\.\S+|\/\S*|mailto:\S+@\S+)$/.test(state.url.trim());
      panel = h(
        'div',
        { className: 'sg-body-panel', role: 'group', 'aria-label': 'Link' },
        h(
          'label',
          null,
          'Address (https://… or /articles/…) ',
          h('input', {
            type: 'text',
            value: state.url,
            onChange: (e: { target: { value: string } }) => this.setState({ url: e.target.value }),
          }),
        ),
        h(
          'div',
          { className: 'sg-body-panel-actions' },
          h(
            'button',
            {
              type: 'button',
              className: 'sg-body-primary',
              disabled: !valid,
              onClick: () => {
                apply(linkEdit(text(), sel(), state.url.trim()));
                this.setState({ panel: null });
              },
            },
            'Add link',
          ),
          button('Cancel', () => this.setState({ panel: null })),
        ),
      );
    } else if (state.panel === 'image') {
      panel = h(
        'div',
        { className: 'sg-body-panel', role: 'group', 'aria-label': 'Picture' },
        h('p', null, `Picture: ${state.imagePath}`),
        h(
          'label',
          null,
          'Alt text: what the picture shows, for people who cannot see it (required) ',
          h('input', {
            type: 'text',
            value: state.alt,
            onChange: (e: { target: { value: string } }) => this.setState({ alt: e.target.value }),
          }),
        ),
        h(
          'div',
          { className: 'sg-body-panel-actions' },
          h(
            'button',
            {
              type: 'button',
              className: 'sg-body-primary',
              disabled: !state.alt.trim(),
              onClick: () => {
                apply(insertBlock(text(), sel(), imageMarkdown(state.alt, state.imagePath)));
                this.setState({ panel: null, imagePath: '', alt: '' });
              },
            },
            'Insert picture',
          ),
          button('Cancel', () => this.setState({ panel: null, imagePath: '', alt: '' })),
        ),
      );
    } else if (state.panel === 'cite') {
      panel = h(
        'div',
        { className: 'sg-body-panel', role: 'group', 'aria-label': 'Cite a source' },
        sources?.length
          ? h(
              'ol',
              { className: 'sg-body-sources' },
              ...sources.map((source, index) =>
                h(
                  'li',
                  { key: index },
                  button(
                    `[${index + 1}] ${source.title ?? 'Untitled source'}${source.publisher ? ` (${source.publisher}${source.year ? `, ${source.year}` : ''})` : ''}`,
                    () => {
                      apply(citationEdit(text(), sel(), index + 1));
                      this.setState({ panel: null });
                    },
                  ),
                ),
              ),
            )
          : h('p', null, 'This page has no sources yet: add them under Sources, then cite them here by number.'),
        button('Close', () => this.setState({ panel: null })),
      );
    }

    const problemList =
      problems.length > 0
        ? h(
            'ul',
            { className: 'sg-body-problems', 'aria-label': 'Problems in the body' },
            ...problems.map((problem, index) =>
              h(
                'li',
                { key: `${problem.line}-${index}` },
                h('strong', null, `Line ${problem.line}: `),
                problem.message,
                problem.fix
                  ? h(
                      'button',
                      {
                        type: 'button',
                        className: 'sg-body-fix',
                        onClick: () => {
                          const fix = problem.fix;
                          if (!fix) return;
                          const fixed = applyFix(value, fix);
                          const at = fix.from + fix.insert.length;
                          apply({ text: fixed, selection: { start: at, end: at } });
                        },
                      },
                      problem.fix.label,
                    )
                  : null,
              ),
            ),
          )
        : null;

    return h(
      'div',
      { className: 'sg-body' },
      toolbar,
      panel,
      h('textarea', {
        id: forID,
        className: `${classNameWrapper} sg-body-text`,
        value,
        spellCheck: true,
        rows: Math.min(40, Math.max(12, value.split('\n').length + 1)),
        'aria-describedby': `${forID}-help`,
        ref: (element: HTMLTextAreaElement | null) => {
          this.textarea = element;
        },
        onChange: (event: { target: { value: string } }) => {
          this.rememberSelection();
          this.props.onChange(fromTextarea(event.target.value, value));
          notifyEntryChanged();
        },
        onSelect: () => this.rememberSelection(),
        onKeyUp: () => this.rememberSelection(),
        onClick: () => this.rememberSelection(),
        onFocus: setActiveStyle,
        onBlur: setInactiveStyle,
        onKeyDown: (event: KeyboardEvent & { preventDefault: () => void }) => {
          if (!(event.ctrlKey || event.metaKey)) return;
          this.rememberSelection();
          if (event.key === 'b') {
            event.preventDefault();
            apply(toggleWrap(text(), sel(), '**', 'bold words'));
          } else if (event.key === 'i') {
            event.preventDefault();
            apply(toggleWrap(text(), sel(), '*', 'italic words'));
          }
        },
      }),
      h(
        'p',
        { id: `${forID}-help`, className: 'sg-body-help' },
        'You are editing the page text as Markdown: it is saved exactly as written. **bold**, *italic*, ## heading, “- ” starts a list item, [1] cites source 1. To show a “<” or “{” sign, write \\< or \\{.',
      ),
      problemList,
    );
  },
});

interface PreviewProps {
  value?: string;
  getAsset: (path: string) => { toString(): string };
}

/** The body alone (pages, and the article preview's body). */
export function BodyPreview(props: PreviewProps): Element {
  const rendered = renderBody(props.value ?? '', {
    site: site(),
    assetUrl: (path) => props.getAsset(path).toString(),
  });
  return h('div', null, ...rendered.elements);
}
