// Checks that cited sources still answer. Network politeness built in: a timeout per
// request, retries with backoff for passing failures, limited concurrency, and a cache
// so a weekly job does not hammer agency sites. 403 and 429 are warnings (many sites
// refuse robots); 404, 410, other errors and timeouts are errors.
import pLimit from 'p-limit';

export type CitationVerdict = 'ok' | 'warning' | 'error';

export interface CitationResult {
  url: string;
  verdict: CitationVerdict;
  /** Final HTTP status, or 0 for a network failure or timeout. */
  status: number;
  /** Where a redirect chain ended, when it moved. */
  finalUrl?: string;
  redirects: number;
  attempts: number;
  detail: string;
  /** YYYY-MM-DDTHH:mm:ssZ of the check. */
  checkedAt: string;
}

export interface CheckerOptions {
  timeoutMs?: number;
  retries?: number;
  concurrency?: number;
  maxRedirects?: number;
  /** Base delay before a retry; doubled each time. Tests pass a small one. */
  backoffMs?: number;
  /** Longest Retry-After we are willing to wait, in ms. */
  maxRetryAfterMs?: number;
  fetchImpl?: typeof fetch;
  now?: () => Date;
  userAgent?: string;
}

const RETRYABLE = (status: number) => status === 429 || status >= 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function fetchOnce(
  url: string,
  options: Required<Pick<CheckerOptions, 'timeoutMs' | 'fetchImpl' | 'userAgent'>>,
  method: 'HEAD' | 'GET',
) {
  return options.fetchImpl(url, {
    method,
    redirect: 'manual',
    signal: AbortSignal.timeout(options.timeoutMs),
    headers: { 'User-Agent': options.userAgent, Accept: 'text/html,application/pdf,*/*;q=0.8' },
  });
}

export async function checkCitation(url: string, options: CheckerOptions = {}): Promise<CitationResult> {
  const settings = {
    timeoutMs: options.timeoutMs ?? 15_000,
    retries: options.retries ?? 2,
    maxRedirects: options.maxRedirects ?? 5,
    backoffMs: options.backoffMs ?? 1_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000,
    fetchImpl: options.fetchImpl ?? fetch,
    userAgent:
      options.userAgent ?? 'SteadyGroundCitationChecker/1.0 (+https://github.com/; checks cited sources weekly)',
  };
  const checkedAt = (options.now ?? (() => new Date()))()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  let attempts = 0;
  let lastDetail = '';
  let lastStatus = 0;
  let redirects = 0;

  for (let attempt = 0; attempt <= settings.retries; attempt++) {
    attempts += 1;
    let current = url;
    redirects = 0;
    try {
      for (;;) {
        let response = await fetchOnce(current, settings, 'HEAD');
        // Some servers do not implement HEAD: ask again with GET before judging.
        if (response.status === 405 || response.status === 501 || response.status === 403) {
          await response.body?.cancel();
          response = await fetchOnce(current, settings, 'GET');
        }
        await response.body?.cancel();
        const location = response.headers.get('location');
        if (response.status >= 300 && response.status < 400 && location) {
          redirects += 1;
          if (redirects > settings.maxRedirects) {
            return {
              url,
              verdict: 'error',
              status: response.status,
              redirects,
              attempts,
              detail: `more than ${settings.maxRedirects} redirects`,
              checkedAt,
            };
          }
          current = new URL(location, current).href;
          continue;
        }
        lastStatus = response.status;
        if (response.ok) {
          const moved = current !== url ? current : undefined;
          return {
            url,
            verdict: 'ok',
            status: response.status,
            ...(moved ? { finalUrl: moved } : {}),
            redirects,
            attempts,
            detail: moved ? `moved to ${moved}: consider citing the new address` : 'ok',
            checkedAt,
          };
        }
        if (!RETRYABLE(response.status) || attempt === settings.retries) break;
        const retryAfter = Number(response.headers.get('retry-after'));
        await sleep(
          Number.isFinite(retryAfter) && retryAfter > 0
            ? Math.min(retryAfter * 1000, settings.maxRetryAfterMs)
            : settings.backoffMs * 2 ** attempt,
        );
        lastDetail = `HTTP ${response.status}`;
        break;
      }
      if (lastStatus && !RETRYABLE(lastStatus)) break;
      if (lastStatus && attempt === settings.retries) break;
    } catch (error) {
      lastStatus = 0;
      const name = (error as Error).name;
      lastDetail =
        name === 'TimeoutError' || name === 'AbortError'
          ? `no answer within ${settings.timeoutMs} ms`
          : (error as Error).message;
      if (attempt < settings.retries) await sleep(settings.backoffMs * 2 ** attempt);
    }
  }

  if (lastStatus === 403 || lastStatus === 429) {
    return {
      url,
      verdict: 'warning',
      status: lastStatus,
      redirects,
      attempts,
      detail: `HTTP ${lastStatus}: the site refused an automated check; open it by hand`,
      checkedAt,
    };
  }
  return {
    url,
    verdict: 'error',
    status: lastStatus,
    redirects,
    attempts,
    detail: lastStatus ? `HTTP ${lastStatus}` : lastDetail || 'unreachable',
    checkedAt,
  };
}

export type CitationCache = Record<string, CitationResult>;

/**
 * Checks many URLs with limited concurrency. A cached `ok` younger than `maxAgeDays` is
 * reused; warnings and errors are always checked again.
 */
export async function checkCitations(
  urls: readonly string[],
  cache: CitationCache,
  options: CheckerOptions & { maxAgeDays?: number } = {},
): Promise<{ results: CitationResult[]; fromCache: number }> {
  const now = (options.now ?? (() => new Date()))();
  const maxAgeMs = (options.maxAgeDays ?? 7) * 86_400_000;
  const limit = pLimit(options.concurrency ?? 4);
  let fromCache = 0;
  const results = await Promise.all(
    [...new Set(urls)].map((url) =>
      limit(async () => {
        const cached = cache[url];
        if (cached?.verdict === 'ok' && now.getTime() - Date.parse(cached.checkedAt) < maxAgeMs) {
          fromCache += 1;
          return cached;
        }
        return checkCitation(url, options);
      }),
    ),
  );
  return { results, fromCache };
}
