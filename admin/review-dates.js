/*
 * Review-date arithmetic for the editor, the same rules as src/lib/core/dates.ts and
 * src/lib/review/policy.ts (tests/unit/cms-contract.test.ts runs both on the same dates).
 * Plain script: it sets window.SteadyGroundReview in the browser and module.exports in Node.
 */
((root) => {
  function pad(n, width) {
    return String(n).padStart(width || 2, '0');
  }
  function isPlainDate(value) {
    if (typeof value !== 'string') return false;
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m) return false;
    var y = +m[1],
      mo = +m[2],
      d = +m[3];
    var date = new Date(Date.UTC(y, mo - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  }
  /** Today's calendar date in UTC, YYYY-MM-DD: the same in every time zone. */
  function todayUtc(now) {
    return (now || new Date()).toISOString().slice(0, 10);
  }
  /** Calendar months, clamped to the month's last day (2024-02-29 + 12 = 2025-02-28). */
  function addMonths(date, months) {
    if (!isPlainDate(date)) throw new RangeError('Not a YYYY-MM-DD date: ' + date);
    var p = date.split('-').map(Number);
    var index = p[0] * 12 + (p[1] - 1) + months;
    var year = Math.floor(index / 12);
    var month = (index % 12) + 1;
    var last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return pad(year, 4) + '-' + pad(month) + '-' + pad(Math.min(p[2], last));
  }
  function addDays(date, days) {
    var p = date.split('-').map(Number);
    return new Date(Date.UTC(p[0], p[1] - 1, p[2]) + days * 86400000).toISOString().slice(0, 10);
  }
  function alternation(items) {
    return items.length ? '(?:' + items.join('|') + ')' : null;
  }
  /** A regular expression that matches every YYYY-MM-DD date strictly before `date`. */
  function beforePattern(date, firstYear) {
    var p = date.split('-').map(Number);
    var parts = [];
    var years = [];
    for (var y = firstYear || 1990; y < p[0]; y++) years.push(pad(y, 4));
    if (years.length) parts.push(alternation(years) + '-\\d{2}-\\d{2}');
    var months = [];
    for (var m = 1; m < p[1]; m++) months.push(pad(m));
    if (months.length) parts.push(pad(p[0], 4) + '-' + alternation(months) + '-\\d{2}');
    var days = [];
    for (var d = 1; d < p[2]; d++) days.push(pad(d));
    if (days.length) parts.push(pad(p[0], 4) + '-' + pad(p[1]) + '-' + alternation(days));
    return '^' + (alternation(parts) || '(?!)') + '$';
  }
  /** Matches the dates from `date` to `date + days`, both included. */
  function withinPattern(date, days) {
    var dates = [];
    for (var i = 0; i <= days; i++) dates.push(addDays(date, i));
    return '^' + alternation(dates) + '$';
  }
  /** The list-view filters a reviewer needs today, as YAML list items indented for config.yml. */
  function dueFiltersYaml(today, warningDays, indent) {
    var pad6 = indent || '      ';
    function item(label, pattern) {
      return (
        pad6 +
        "- label: '" +
        label +
        "'\n" +
        pad6 +
        '  field: nextReviewDue\n' +
        pad6 +
        "  pattern: '" +
        pattern +
        "'\n"
      );
    }
    return (
      item('Review overdue (due before ' + today + ')', beforePattern(today)) +
      item('Review due in the next ' + warningDays + ' days', withinPattern(today, warningDays))
    );
  }
  /**
   * An optional picture ({ image, alt }): Decap cannot make a sub-field required only when the
   * picture is used, so the editor's preSave rule (cms.js) asks this: nothing filled in, drop the
   * key; an image without alt text (or alt text without an image), refuse to save.
   */
  function optionalImage(value, what) {
    var image = value && typeof value.image === 'string' ? value.image.trim() : '';
    var alt = value && typeof value.alt === 'string' ? value.alt.trim() : '';
    if (!image && !alt) return { drop: true };
    if (!image) return { error: (what || 'Picture') + ': choose an image or clear the alt text.' };
    if (!alt)
      return {
        error: (what || 'Picture') + ': alt text is required. Describe the image for people who cannot see it.',
      };
    return {};
  }
  var api = {
    optionalImage: optionalImage,
    isPlainDate: isPlainDate,
    todayUtc: todayUtc,
    addMonths: addMonths,
    addDays: addDays,
    beforePattern: beforePattern,
    withinPattern: withinPattern,
    dueFiltersYaml: dueFiltersYaml,
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.SteadyGroundReview = api;
})(typeof window !== 'undefined' ? window : globalThis);
