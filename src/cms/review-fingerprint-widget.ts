// The reviewed-text fingerprint (`reviewFingerprint`), shown as what it means: whether the text
// on screen is still the text the reviewer approved. It is worked out live from the entry being
// edited (title, description, key takeaways, sources, body: src/lib/review/fingerprint.ts), so an
// editor sees "changed since review" the moment they change a word. The value itself is written
// only by "Record review completed" (./review-date-widget.ts) and kept as it is by every other save.
import { isPlainDate } from '../lib/core/dates.ts';
import { type ReviewedContent, type ReviewedTextState, reviewedTextState } from '../lib/review/fingerprint.ts';
import { createClass, h, type ImmutableMap, toJs, type WidgetProps } from './decap.ts';
import { onEntryChanged } from './entry-events.ts';
import { onReviewRecorded } from './review-events.ts';

/** The state of the entry Decap holds, against the fingerprint stored in it. */
export function textStateOf(data: Record<string, unknown> | undefined, stored: unknown): ReviewedTextState {
  const content: ReviewedContent = {
    title: String(data?.title ?? ''),
    description: String(data?.description ?? ''),
    keyTakeaways: Array.isArray(data?.keyTakeaways) ? (data.keyTakeaways as string[]) : undefined,
    sources: Array.isArray(data?.sources) ? (data.sources as ReviewedContent['sources']) : undefined,
    body: String(data?.body ?? ''),
  };
  return reviewedTextState(content, typeof stored === 'string' && stored ? stored : undefined);
}

/** What the state means, for an editor. */
export function textStateMessage(state: ReviewedTextState, lastReviewed: unknown): string {
  const when = isPlainDate(lastReviewed) ? ` on ${lastReviewed}` : '';
  switch (state) {
    case 'unchanged':
      return `Unchanged since the medical review${when}.`;
    case 'changed':
      return `Changed since the medical review${when}: the reviewer must check the changes, then record the review again.`;
    default:
      return 'No review of this text is recorded yet: record it once the clinician has reviewed the page.';
  }
}

interface Control {
  props: WidgetProps & { getEntry?: () => ImmutableMap };
  unsubscribe?: () => void;
  forceUpdate(): void;
}

export const ReviewFingerprintControl = createClass({
  componentDidMount(this: Control) {
    const stopReview = onReviewRecorded((review) => {
      if (review.fingerprint) this.props.onChange(review.fingerprint);
    });
    const stopChanges = onEntryChanged(() => this.forceUpdate());
    this.unsubscribe = () => {
      stopReview();
      stopChanges();
    };
  },
  componentWillUnmount(this: Control) {
    this.unsubscribe?.();
  },
  // The state depends on every reviewed field, not only this one: re-render whenever Decap does.
  shouldComponentUpdate() {
    return true;
  },
  render(this: Control) {
    const entry = this.props.getEntry?.();
    const data = toJs<Record<string, unknown>>(entry?.get('data'));
    const state = textStateOf(data, this.props.value);
    return h(
      'p',
      {
        id: this.props.forID,
        className: `sg-reviewed-text sg-reviewed-text--${state}`,
        role: 'status',
        'data-state': state,
      },
      textStateMessage(state, data?.lastReviewed),
    );
  },
});

export const ReviewFingerprintPreview = () => null;
