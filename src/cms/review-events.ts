// "Record review completed" sets several fields at once, and Decap's widgets each hold one field:
// the control announces the review on window, and the widgets of the other fields take their part.

export interface ReviewRecorded {
  reviewer: string;
  lastReviewed: string;
  nextReviewDue: string;
  /** Of the text on screen when the review was recorded (src/lib/review/fingerprint.ts). */
  fingerprint?: string;
}

const REVIEW_EVENT = 'steadyground:review-recorded';

export function announceReview(review: ReviewRecorded): void {
  window.dispatchEvent(new CustomEvent<ReviewRecorded>(REVIEW_EVENT, { detail: review }));
}

export function onReviewRecorded(listener: (review: ReviewRecorded) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<ReviewRecorded>).detail);
  window.addEventListener(REVIEW_EVENT, handler);
  return () => window.removeEventListener(REVIEW_EVENT, handler);
}
