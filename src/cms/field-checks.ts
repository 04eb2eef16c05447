// Problems shown next to the field they belong to. The whole entry is checked with the build's
// rules (src/lib/cms/entry-check.ts); each top-level field then shows its own problems under its
// control. Decap's built-in widgets are registered again under their own names, wrapped: the
// wrapper renders the original control unchanged and adds the problem list, so Decap's internals
// (which look widgets up by name) keep working. Problems appear once Save has been pressed and
// then follow every change, so a new, empty entry is not covered in red before anyone typed.

import { type EntryProblem, entryProblems } from '../lib/cms/entry-check.ts';
import { canReview } from '../lib/cms/site-data.ts';
import { fromUtcDate } from '../lib/core/dates.ts';
import { CMS, createClass, type Element, h, type ImmutableMap, toJs } from './decap.ts';
import { notifyEntryChanged } from './entry-events.ts';
import { knownPeople, rememberPeople, site } from './people.ts';
import { onReviewRecorded } from './review-events.ts';

let problems: EntryProblem[] = [];
let checkedEntry = '';
let shown = false;
const listeners = new Set<() => void>();

/** Which entry is open: problems of another entry must not linger. */
function entryKey(entry: ImmutableMap): string {
  return `${String(entry.get('collection'))}/${String(entry.get('slug') ?? entry.get('path') ?? 'new')}`;
}

/** The problems of an entry as Decap holds it (data is an Immutable map). */
export function problemsOf(entry: ImmutableMap): EntryProblem[] {
  const collection = String(entry.get('collection'));
  const data = toJs<Record<string, unknown>>(entry.get('data')) ?? {};
  return entryProblems(collection, data, {
    people: knownPeople(),
    policy: site().policy,
    today: fromUtcDate(new Date()),
    file: String(entry.get('path') ?? ''),
    skipEmpty: true,
  });
}

/** Checks the entry and shows the result next to the fields (from now on, for this entry). */
export function showProblems(entry: ImmutableMap): EntryProblem[] {
  const key = entryKey(entry);
  if (key !== checkedEntry) {
    checkedEntry = key;
    shown = false;
  }
  shown = true;
  problems = problemsOf(entry);
  for (const listener of listeners) listener();
  return problems;
}

let pending = false;
/** After a change: checks again once Decap has stored the new value, if problems are on show. */
function recheckSoon(getEntry: () => ImmutableMap) {
  if (pending) return;
  pending = true;
  setTimeout(() => {
    pending = false;
    const entry = getEntry();
    if (shown && entryKey(entry) === checkedEntry) showProblems(entry);
  });
}

function problemsFor(field: string, getEntry?: () => ImmutableMap): EntryProblem[] {
  if (!shown || !getEntry || entryKey(getEntry()) !== checkedEntry) return [];
  return problems.filter((problem) => problem.field === field && problem.field !== 'body');
}

interface WrapperProps extends Record<string, unknown> {
  field: ImmutableMap;
  value: unknown;
  parentIds?: string[];
  isEditorComponent?: boolean;
  getEntry?: () => ImmutableMap;
  onChange: (value: unknown, metadata?: unknown) => void;
  query?: (...args: unknown[]) => Promise<{ payload?: { hits?: Hit[] } }>;
  queryHits?: Hit[];
}

interface Hit {
  path?: string;
  slug?: string;
  data?: { name?: string; credentials?: string[]; roles?: string[]; jobTitle?: string };
}

interface Inner {
  isValid?: () => unknown;
  validate?: () => void;
  focus?: (path?: string) => void;
  getValidateValue?: () => unknown;
}

interface Wrapper {
  props: WrapperProps;
  inner?: Inner | null;
  unsubscribe?: () => void;
  forceUpdate(): void;
}

const isTopLevel = (props: WrapperProps) => !props.parentIds?.length && !props.isEditorComponent;

/** A person as the relation widget's search returns them. */
function personHit(id: string): Hit | undefined {
  const person = knownPeople().get(id);
  return person
    ? {
        slug: id,
        data: { ...person, credentials: [...person.credentials], roles: [...person.roles] },
        path: `content/people/${id}.yml`,
      }
    : undefined;
}

/** The relation widget, limited to eligible reviewers when the field asks for it (`reviewers_only`). */
function relationProps(props: WrapperProps): Partial<WrapperProps> {
  if (!props.query) return {};
  const reviewersOnly = props.field.get('reviewers_only') === true;
  // The current choice stays visible even when it is not eligible, so its problem can be read.
  const keep = (hit: Hit) => !reviewersOnly || canReview(hit.data as never) || hit.slug === props.value;
  const query = props.query;
  const hits = (props.queryHits ?? []).filter(keep);
  // A value set by "Record review completed" is shown even before the picker has searched for it.
  const current =
    typeof props.value === 'string' && !hits.some((hit) => hit.slug === props.value)
      ? personHit(props.value)
      : undefined;
  return {
    query: async (...args: unknown[]) => {
      const action = await query(...args);
      const found = action?.payload?.hits ?? [];
      rememberPeople(found as never);
      return { ...action, payload: { ...action?.payload, hits: found.filter(keep) } };
    },
    queryHits: current ? [current, ...hits] : hits,
  };
}

function problemList(list: EntryProblem[]): Element | null {
  if (list.length === 0) return null;
  return h(
    'ul',
    { className: 'sg-field-problems', key: 'problems' },
    ...list.map((problem, index) =>
      h(
        'li',
        { key: index, className: problem.severity === 'error' ? 'sg-field-problem' : 'sg-field-warning' },
        problem.where.includes('›')
          ? `${problem.where.split(' › ').slice(1).join(' › ')}: ${problem.message}`
          : problem.message,
      ),
    ),
  );
}

/** A built-in widget's control with the problems of its field under it. */
function checkedControl(name: string, control: unknown, container: boolean): unknown {
  const spec: Record<string, unknown> = {
    componentDidMount(this: Wrapper) {
      const update = () => this.forceUpdate();
      listeners.add(update);
      // "Record review completed" names the reviewer: the reviewer picker takes it.
      const stopListening =
        name === 'relation' && this.props.field.get('reviewers_only') === true && isTopLevel(this.props)
          ? onReviewRecorded(({ reviewer }) => {
              const person = personHit(reviewer);
              const collection = String(this.props.field.get('collection'));
              const fieldName = String(this.props.field.get('name'));
              this.props.onChange(
                reviewer,
                person ? { [fieldName]: { [collection]: { [reviewer]: person.data } } } : undefined,
              );
              if (this.props.getEntry) recheckSoon(this.props.getEntry);
            })
          : undefined;
      this.unsubscribe = () => {
        listeners.delete(update);
        stopListening?.();
      };
    },
    componentWillUnmount(this: Wrapper) {
      this.unsubscribe?.();
    },
    // The wrapped control decides for itself whether to re-render; the wrapper must pass props on.
    shouldComponentUpdate() {
      return true;
    },
    isValid(this: Wrapper) {
      if (isTopLevel(this.props) && this.props.getEntry) showProblems(this.props.getEntry());
      return this.inner?.isValid ? this.inner.isValid() : true;
    },
    focus(this: Wrapper, path?: string) {
      this.inner?.focus?.(path);
    },
    getValidateValue(this: Wrapper) {
      return this.inner?.getValidateValue?.();
    },
    render(this: Wrapper) {
      const props = this.props;
      const topLevel = isTopLevel(props);
      const innerProps = {
        ...props,
        ...(name === 'relation' ? relationProps(props) : {}),
        key: 'control',
        ref: (instance: Inner | null) => {
          this.inner = instance;
        },
        onChange: (value: unknown, metadata?: unknown) => {
          props.onChange(value, metadata);
          notifyEntryChanged();
          if (props.getEntry) recheckSoon(props.getEntry);
        },
      };
      const list = topLevel ? problemsFor(String(props.field.get('name')), props.getEntry) : [];
      return h(
        'div',
        { className: `sg-checked${list.some((p) => p.severity === 'error') ? ' sg-checked--error' : ''}` },
        h(control, innerProps),
        problemList(list),
      );
    },
  };
  // Lists and objects validate their own children; Decap calls `validate` on them instead of `isValid`.
  if (container) {
    spec.validate = function validate(this: Wrapper) {
      if (isTopLevel(this.props) && this.props.getEntry) showProblems(this.props.getEntry());
      this.inner?.validate?.();
    };
  }
  return createClass(spec);
}

const WRAPPED = ['string', 'text', 'select', 'relation', 'datetime', 'number', 'boolean', 'image', 'list', 'object'];
const CONTAINERS = new Set(['list', 'object']);

/** Registers the wrapped built-in widgets (once, before CMS.init). */
export function registerCheckedWidgets(): void {
  // Registering a name again is the point here; Decap's warning about it would only be noise.
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes('Multiple widgets registered')) warn(...args);
  };
  try {
    registerAll();
  } finally {
    console.warn = warn;
  }
}

function registerAll(): void {
  for (const name of WRAPPED) {
    const original = CMS.getWidget(name);
    if (!original) continue;
    // Not a spread of `original`: its `control` would replace the wrapped one.
    CMS.registerWidget({
      name,
      controlComponent: checkedControl(name, original.control, CONTAINERS.has(name)),
      previewComponent: original.preview,
      schema: original.schema,
      globalStyles: original.globalStyles,
      allowMapValue: original.allowMapValue,
    });
  }
}

/** Wraps one of our own widgets' controls the same way (the review-date fields). */
export function checked(control: unknown): unknown {
  return checkedControl('custom', control, false);
}
