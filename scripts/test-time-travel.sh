#!/usr/bin/env bash
# `npm run test:time` (part of `npm test`): proves that time passing cannot break the product.
# Under faketime, 800 days (two years and more) from now: the unit tests and fixture builds pass
# (every date-dependent test pins its own "today"), in America/Los_Angeles (UTC−8); the real site builds, every overdue page saying
# so in its HTML with no ✓ beside it; and `npm run check:content`, the CI gate, fails naming them.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v faketime >/dev/null 2>&1; then
  echo "test:time: faketime is not installed (apt-get install faketime)" >&2
  exit 1
fi
# Monotonic clocks stay real: Node, Vite and vitest time their own work with them.
export FAKETIME_DONT_FAKE_MONOTONIC=1 ASTRO_TELEMETRY_DISABLED=1 NO_COLOR=1
unset SITE_TODAY
ahead=(faketime -f +800d)
work=$(mktemp -d "${TMPDIR:-/tmp}/time-travel-XXXXXX")
trap 'rm -rf "$work"' EXIT

future=$("${ahead[@]}" node -e 'console.log(new Date().toISOString().slice(0, 10))')
echo "test:time: running as if today were $future"
if [[ "$future" < "$(date -u -d '+700 days' +%F)" ]]; then
  echo "test:time: faketime did not move the clock (got $future)" >&2
  exit 1
fi

# All unit tests, the fixture builds of build-gate.test.ts included, in UTC−8: this run is also the
# time-zone check west of UTC (`npm run test:tz` is the one east of it, UTC+14). A plain date that
# shifts a day fails one of the two.
TZ=America/Los_Angeles "${ahead[@]}" node_modules/.bin/vitest run --project unit

BUILD_OUT_DIR="$work/site" ASTRO_CACHE_DIR="$work/cache" "${ahead[@]}" node scripts/build.ts >"$work/build.log" 2>&1 || {
  cat "$work/build.log"
  echo "test:time: the build failed on $future" >&2
  exit 1
}
node scripts/check-time-travel-build.ts "$work/site" "$future"

set +e
"${ahead[@]}" node scripts/check-content.ts >"$work/check.log" 2>&1
status=$?
set -e
if [[ $status -ne 1 ]] || ! grep -q 'error  content/articles/.*\.mdx: nextReviewDue: review overdue since' "$work/check.log"; then
  cat "$work/check.log"
  echo "test:time: check:content should fail (exit 1) naming the overdue articles; exit $status" >&2
  exit 1
fi
echo "test:time: check:content fails naming $(grep -c 'review overdue since' "$work/check.log") overdue articles, as it should"
