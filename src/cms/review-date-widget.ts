// A date-only field (YYYY-MM-DD, UTC) for the two review dates. Under "Last medically reviewed" it
// offers "Record review completed": the editor names the clinician who reviewed the page (only
// eligible reviewers are offered; the current one is preselected) and one click sets the medical
// reviewer, this date (today, UTC) and the next review date (the policy interval later). The fields
// are separate widgets, so the button tells the others through a DOM event (./review-events.ts).
import { canReview } from '../lib/cms/site-data.ts';
import { nameWithCredentials } from '../lib/content/people.ts';
import { addMonths, formatDate, fromUtcDate, isPlainDate } from '../lib/core/dates.ts';
import { reviewFingerprint } from '../lib/review/fingerprint.ts';
import { createClass, h, type ImmutableMap, toJs, type WidgetProps } from './decap.ts';
import { onEntryChanged } from './entry-events.ts';
import { knownPeople, site } from './people.ts';
import { announceReview, onReviewRecorded, type ReviewRecorded } from './review-events.ts';
import { textStateMessage, textStateOf } from './review-fingerprint-widget.ts';

const longDate = (date: unknown) => (isPlainDate(date) ? formatDate(date, site().locale) : String(date || '—'));

interface ReviewState {
  recorded?: ReviewRecorded;
  /** The reviewer chosen in the "Record review completed" control. */
  chosen?: string;
}

interface Control {
  props: WidgetProps & { getEntry?: () => ImmutableMap };
  state: ReviewState;
  setState(state: ReviewState): void;
  forceUpdate(): void;
  unsubscribe?: () => void;
  recordReview(): void;
  currentReviewer(): string;
  entryData(): Record<string, unknown> | undefined;
}

export const ReviewDateControl = createClass({
  getInitialState(): ReviewState {
    return {};
  },
  componentDidMount(this: Control) {
    const stopReview = onReviewRecorded((review) => {
      if (this.props.field.get('role') === 'next-due') this.props.onChange(review.nextReviewDue);
    });
    // "Changed since review" follows every edit of the reviewed text.
    const stopChanges =
      this.props.field.get('role') === 'last-reviewed' ? onEntryChanged(() => this.forceUpdate()) : undefined;
    this.unsubscribe = () => {
      stopReview();
      stopChanges?.();
    };
  },
  shouldComponentUpdate() {
    return true;
  },
  entryData(this: Control) {
    return toJs<Record<string, unknown> | undefined>(this.props.getEntry?.().get('data'));
  },
  componentWillUnmount(this: Control) {
    this.unsubscribe?.();
  },
  isValid(this: Control) {
    const value = this.props.value;
    if (value && !isPlainDate(value)) return { error: { message: 'Enter a real date written YYYY-MM-DD.' } };
    return true;
  },
  currentReviewer(this: Control): string {
    const value = this.entryData()?.reviewer;
    return typeof value === 'string' ? value : '';
  },
  recordReview(this: Control) {
    const reviewer = this.state.chosen ?? this.currentReviewer();
    if (!reviewer) return;
    const interval = Number(this.props.field.get('interval_months')) || 12;
    const today = fromUtcDate(new Date());
    const data = this.entryData() ?? {};
    const review: ReviewRecorded = {
      reviewer,
      lastReviewed: today,
      nextReviewDue: addMonths(today, interval),
      // The text the reviewer approved: what is on screen now.
      fingerprint: reviewFingerprint({
        title: String(data.title ?? ''),
        description: String(data.description ?? ''),
        keyTakeaways: data.keyTakeaways as string[] | undefined,
        sources: data.sources as never,
        body: String(data.body ?? ''),
      }),
    };
    this.props.onChange(today);
    this.setState({ recorded: review });
    announceReview(review);
  },
  render(this: Control) {
    const { field, value, forID, classNameWrapper, onChange, setActiveStyle, setInactiveStyle } = this.props;
    const role = field.get('role');
    const interval = Number(field.get('interval_months')) || 12;
    const input = h('input', {
      key: 'input',
      type: 'date',
      id: forID,
      className: classNameWrapper,
      value: isPlainDate(value) ? value : '',
      onChange: (event: { target: { value: string } }) => onChange(event.target.value || ''),
      onFocus: setActiveStyle,
      onBlur: setInactiveStyle,
      'data-review-date': role,
    });
    if (role !== 'last-reviewed') return h('div', { className: 'sg-review-date' }, input);

    const eligible = [...knownPeople()].filter(([, person]) => canReview(person));
    const current = this.currentReviewer();
    const chosen = this.state.chosen ?? (eligible.some(([id]) => id === current) ? current : '');
    const recorded = this.state.recorded;
    const who = knownPeople().get(chosen);
    const data = this.entryData();
    const textState = textStateOf(data, data?.reviewFingerprint);
    return h(
      'div',
      { className: 'sg-review-date' },
      input,
      h(
        'fieldset',
        { key: 'record', className: 'sg-review-actions' },
        h('legend', null, 'Record a completed review'),
        h(
          'p',
          { className: `sg-reviewed-text sg-reviewed-text--${textState}`, 'data-state': textState },
          textStateMessage(textState, data?.lastReviewed),
        ),
        h(
          'label',
          { className: 'sg-review-who' },
          'Reviewed by ',
          h(
            'select',
            {
              value: chosen,
              onChange: (event: { target: { value: string } }) => this.setState({ chosen: event.target.value }),
            },
            h('option', { value: '' }, 'Choose the clinician who reviewed it'),
            ...eligible.map(([id, person]) => h('option', { key: id, value: id }, nameWithCredentials(person))),
          ),
        ),
        h(
          'button',
          { type: 'button', className: 'sg-record-review', disabled: !chosen, onClick: this.recordReview },
          'Record review completed today',
        ),
        h(
          'p',
          { className: 'sg-review-note', role: 'status' },
          recorded
            ? `Recorded: reviewed by ${nameWithCredentials(knownPeople().get(recorded.reviewer) ?? { name: recorded.reviewer, credentials: [] })} today; next review due ${longDate(recorded.nextReviewDue)} (${interval} months). Save to keep it.`
            : `Sets the medical reviewer to ${who ? who.name : 'the clinician chosen here'}, this date to today (UTC), the next review to ${interval} months later, and marks the text on screen as the reviewed text.`,
        ),
      ),
    );
  },
});

export const ReviewDatePreview = (props: { value: unknown }) => h('span', null, longDate(props.value));
