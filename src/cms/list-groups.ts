// The article list's "Group by" headings, made readable. Decap titles a group "<label> <value>"
// and orders groups by where their first entry happens to sit in the list, so "Review due (month)"
// came out of date order under any other sort and "Reviewer" showed file ids. Decap offers no hook
// for group titles, so this watches the list and (1) orders month groups by date, with CSS `order`
// so React's own DOM is never moved, and (2) names the reviewer and spells out the month. It also
// marks published articles whose text changed since its medical review.
import { formatDate, isPlainDate } from '../lib/core/dates.ts';
import { displayName, onPeopleChange, site } from './people.ts';

const MONTH_GROUP = 'Review due (month)';
const REVIEWER_GROUP = 'Reviewer';

function monthTitle(month: string): string {
  const date = `${month}-01`;
  if (!isPlainDate(date)) return month;
  return formatDate(date, site().locale).replace(/ 1, /, ' ');
}

function retitle(heading: HTMLElement, text: string) {
  // React owns the text node; changing its value (not replacing the node) keeps React's bookkeeping intact.
  const node = heading.firstChild;
  if (node && node.nodeType === Node.TEXT_NODE && node.nodeValue !== text) node.nodeValue = text;
}

/** Marks the cards of published articles whose text is not the reviewed text (CSS shows the words). */
function markReviewedText() {
  const states = site().reviewedText ?? {};
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[href*="/collections/articles/entries/"]')) {
    const slug = decodeURIComponent(link.getAttribute('href')?.split('/entries/')[1] ?? '');
    const state = states[slug];
    if (state && link.dataset.reviewedText !== state) link.dataset.reviewedText = state;
  }
}

function enhance() {
  markReviewedText();
  for (const group of document.querySelectorAll<HTMLElement>('div[id]')) {
    const heading = group.firstElementChild;
    if (!(heading instanceof HTMLHeadingElement) || heading.tagName !== 'H2') continue;
    if (group.id.startsWith(MONTH_GROUP)) {
      const month = group.id.slice(MONTH_GROUP.length);
      if (!/^\d{4}-\d{2}$/.test(month)) continue;
      group.style.order = month.replace('-', '');
      group.dataset.reviewMonth = month;
      const parent = group.parentElement;
      if (parent && parent.style.display !== 'flex') {
        parent.style.display = 'flex';
        parent.style.flexDirection = 'column';
      }
      retitle(heading, `Review due ${monthTitle(month)}`);
    } else if (group.id.startsWith(REVIEWER_GROUP)) {
      const id = group.id.slice(REVIEWER_GROUP.length);
      if (!id) continue;
      group.dataset.reviewer = id;
      retitle(heading, `Reviewer: ${displayName(id)}`);
    }
  }
}

export function enhanceEntryLists(): void {
  let scheduled = false;
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      enhance();
    });
  };
  new MutationObserver(schedule).observe(document.body, { childList: true, subtree: true });
  onPeopleChange(schedule);
  schedule();
}
