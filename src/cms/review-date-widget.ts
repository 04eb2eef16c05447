// A date-only field (YYYY-MM-DD, UTC) for the two review dates. On "Last medically reviewed" it
// offers one button that records a completed review: the review date becomes today (UTC) and the
// next review date today plus the policy interval. The two fields are separate widgets, so the
// button tells its sibling through a DOM event.
import { addMonths, formatDate, fromUtcDate, isPlainDate } from '../lib/core/dates.ts';
import { createClass, h, type WidgetProps } from './decap.ts';

const REVIEW_EVENT = 'steadyground:review-recorded';

interface ReviewRecorded {
  lastReviewed: string;
  nextReviewDue: string;
}

const longDate = (date: unknown) => (isPlainDate(date) ? formatDate(date, 'en-US') : String(date || '—'));

interface Control {
  props: WidgetProps;
  state?: { recorded?: string };
  setState(state: { recorded: string }): void;
  onRecorded?: (event: Event) => void;
}

export const ReviewDateControl = createClass({
  componentDidMount(this: Control) {
    this.onRecorded = (event: Event) => {
      if (this.props.field.get('role') === 'next-due') {
        this.props.onChange((event as CustomEvent<ReviewRecorded>).detail.nextReviewDue);
      }
    };
    window.addEventListener(REVIEW_EVENT, this.onRecorded);
  },
  componentWillUnmount(this: Control) {
    if (this.onRecorded) window.removeEventListener(REVIEW_EVENT, this.onRecorded);
  },
  isValid(this: Control) {
    const value = this.props.value;
    if (value && !isPlainDate(value)) return { error: { message: 'Enter a real date written YYYY-MM-DD.' } };
    return true;
  },
  recordReview(this: Control) {
    const interval = Number(this.props.field.get('interval_months')) || 12;
    const today = fromUtcDate(new Date());
    const due = addMonths(today, interval);
    this.props.onChange(today);
    this.setState({ recorded: due });
    window.dispatchEvent(
      new CustomEvent<ReviewRecorded>(REVIEW_EVENT, { detail: { lastReviewed: today, nextReviewDue: due } }),
    );
  },
  render(this: Control & { recordReview: () => void }) {
    const { field, value, forID, classNameWrapper, onChange, setActiveStyle, setInactiveStyle } = this.props;
    const role = field.get('role');
    const interval = Number(field.get('interval_months')) || 12;
    const children = [
      h('input', {
        key: 'input',
        type: 'date',
        id: forID,
        className: classNameWrapper,
        value: isPlainDate(value) ? value : '',
        onChange: (event: { target: { value: string } }) => onChange(event.target.value || ''),
        onFocus: setActiveStyle,
        onBlur: setInactiveStyle,
        'data-review-date': role,
      }),
    ];
    if (role === 'last-reviewed') {
      const recorded = this.state?.recorded;
      children.push(
        h(
          'div',
          { key: 'actions', className: 'sg-review-actions' },
          h(
            'button',
            { type: 'button', className: 'sg-record-review', onClick: this.recordReview },
            'Record review completed today',
          ),
          h(
            'span',
            { className: 'sg-review-note', role: 'status' },
            recorded
              ? `Reviewed today. Next review due ${longDate(recorded)} (${interval} months). Save to keep it.`
              : `Sets this date to today (UTC) and the next review to ${interval} months later.`,
          ),
        ),
      );
    }
    return h('div', { className: 'sg-review-date' }, children);
  },
});

export const ReviewDatePreview = (props: { value: unknown }) => h('span', null, longDate(props.value));
