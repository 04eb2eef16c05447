// The "save the whole site for offline reading" control (src/components/OfflineSave.astro). It
// downloads every file the build listed in /offline/files.json into the Cache Storage the service
// worker reads (CACHES.saved), with a progress bar, and says plainly what happened. A later save
// only downloads what changed. The page does the downloading, not the worker: progress and errors
// are then ordinary page code, and closing the page simply stops it (the next save resumes).
import {
  BYPASS_HEADER,
  CACHES,
  FILES_URL,
  filesToDelete,
  filesToSave,
  formatBytes,
  hasRoomFor,
  isSearchEntry,
  type OfflineFile,
  type OfflineFileList,
  type OfflineSummary,
  revisionOf,
  SAVED_STATE_URL,
  type SavedState,
  SUMMARY_URL,
} from './protocol.ts';

const DOWNLOADS_AT_ONCE = 4;
const STATE_EVERY_FILES = 100;

/** Why a save stopped, in words for the reader. */
export type SaveFailure = 'quota' | 'offline' | 'changed';

export class SaveError extends Error {
  readonly reason: SaveFailure;
  constructor(reason: SaveFailure, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** Sorts a browser's error into what the reader can do about it. */
export function failureOf(error: unknown): SaveFailure {
  if (error instanceof SaveError) return error.reason;
  // A DOMException named so; newer browsers throw a QuotaExceededError class with the same name.
  if ((error as { name?: unknown } | null)?.name === 'QuotaExceededError') return 'quota';
  return 'offline';
}

const bypass = { cache: 'no-store', headers: { [BYPASS_HEADER]: 'offline-save' } } as const;

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, bypass);
  if (!response.ok) throw new SaveError('changed', `${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** The saved copy's state, or an empty one. */
export async function readSavedState(): Promise<SavedState> {
  if (!(await caches.has(CACHES.saved))) return { version: null, files: {} };
  const stored = await (await caches.open(CACHES.saved)).match(SAVED_STATE_URL);
  return stored ? ((await stored.json()) as SavedState) : { version: null, files: {} };
}

async function writeSavedState(cache: Cache, state: SavedState): Promise<void> {
  await cache.put(
    SAVED_STATE_URL,
    new Response(JSON.stringify(state), { headers: { 'content-type': 'application/json' } }),
  );
}

export interface Progress {
  doneBytes: number;
  totalBytes: number;
  doneFiles: number;
  totalFiles: number;
}

/**
 * Downloads what the saved copy lacks, then drops what the site no longer has. The search entry
 * files go last: until they are stored, an offline search keeps using the previous complete index.
 */
export async function saveSite(
  list: OfflineFileList,
  onProgress: (progress: Progress) => void,
  estimate: () => Promise<{ quota?: number; usage?: number }> = () => navigator.storage.estimate(),
): Promise<Progress> {
  const state = await readSavedState();
  const todo = filesToSave(list.files, state);
  const ordered = [...todo.filter(([url]) => !isSearchEntry(url)), ...todo.filter(([url]) => isSearchEntry(url))];
  const progress: Progress = {
    doneBytes: 0,
    totalBytes: todo.reduce((sum, [, , bytes]) => sum + bytes, 0),
    doneFiles: 0,
    totalFiles: todo.length,
  };
  if (!hasRoomFor(progress.totalBytes, await estimate())) {
    throw new SaveError('quota', 'not enough room');
  }
  // Ask the browser not to evict the copy under storage pressure (it may say no; the copy still works).
  navigator.storage.persist?.().catch(() => false);
  const cache = await caches.open(CACHES.saved);
  state.version = null;
  onProgress(progress);
  const store = async ([url, revision, bytes]: OfflineFile) => {
    const response = await fetch(url, bypass);
    // A file missing or changed on the server means a deploy happened during the save.
    if (!response.ok) throw new SaveError('changed', `${url}: HTTP ${response.status}`);
    await cache.put(url, response);
    state.files[url] = revisionOf(revision);
    progress.doneBytes += bytes;
    progress.doneFiles += 1;
    onProgress(progress);
    if (progress.doneFiles % STATE_EVERY_FILES === 0) await writeSavedState(cache, state);
  };
  const rest = ordered.filter(([url]) => !isSearchEntry(url));
  let next = 0;
  let failed: unknown;
  const worker = async () => {
    while (next < rest.length && failed === undefined) {
      try {
        await store(rest[next++]);
      } catch (error) {
        failed ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: DOWNLOADS_AT_ONCE }, worker));
  if (failed === undefined) {
    try {
      for (const file of ordered.slice(rest.length)) await store(file);
    } catch (error) {
      failed = error;
    }
  }
  if (failed !== undefined) {
    // Keep what was stored: the next save continues from there.
    await writeSavedState(cache, state).catch(() => undefined);
    throw failed;
  }
  for (const url of filesToDelete(list.files, state)) {
    await cache.delete(url);
    delete state.files[url];
  }
  state.version = list.version;
  await writeSavedState(cache, state);
  return progress;
}

// Below 1,000 no locale groups digits: skipping toLocaleString there spares the page the first Intl
// number format (it loads locale data: a long task of 50–200 ms on a slow phone, measured on /search/).
const count = (n: number) => (n < 1000 ? String(n) : n.toLocaleString(document.documentElement.lang || 'en-US'));

function messageFor(failure: SaveFailure, progress: Progress | undefined, needed: number, room?: number): string {
  const sofar = progress?.doneFiles
    ? ` ${count(progress.doneFiles)} of ${count(progress.totalFiles)} files were saved.`
    : '';
  if (failure === 'quota') {
    const roomText = room !== undefined ? `only ${formatBytes(Math.max(0, room))} is available to this site, and ` : '';
    return (
      `Your browser refused to store the site: ${roomText}saving needs ${formatBytes(needed)}.${sofar} ` +
      'Free some space on this device, or allow this site more storage in your browser settings, then try again. ' +
      'Pages you have already opened still work offline.'
    );
  }
  if (failure === 'changed') {
    return `The site was updated while saving.${sofar} Try again to save the latest version.`;
  }
  return `The connection was lost while saving.${sofar} Try again when you are back online: saving continues where it stopped.`;
}

export function initOfflineSave(root: ParentNode = document): void {
  const section = root.querySelector<HTMLElement>('[data-offline-save]');
  if (!section) return;
  // Only where it can work: a service worker to answer offline, and Cache Storage to keep the files.
  if (!('serviceWorker' in navigator) || typeof caches === 'undefined' || !window.isSecureContext) return;
  const $ = <T extends HTMLElement>(name: string): T => {
    const found = section.querySelector<T>(`[data-offline-save-${name}]`);
    if (!found) throw new Error(`OfflineSave: [data-offline-save-${name}] is missing from the markup`);
    return found;
  };
  const start = $<HTMLButtonElement>('start');
  const remove = $<HTMLButtonElement>('remove');
  const size = $<HTMLElement>('size');
  const intro = $<HTMLElement>('intro');
  const bar = $<HTMLProgressElement>('bar');
  const barBox = $<HTMLElement>('progress');
  const amount = $<HTMLElement>('amount');
  const status = $<HTMLElement>('status');
  section.hidden = false;

  let summary: OfflineSummary | undefined;
  const say = (text: string) => {
    status.textContent = text;
  };
  const savedText = (s: OfflineSummary) =>
    `Saved on this device: all ${count(s.articles)} articles and the search work without a connection (${formatBytes(s.bytes)}).`;

  const refresh = async () => {
    try {
      summary = await getJson<OfflineSummary>(SUMMARY_URL);
    } catch {
      const cached = await caches.match(SUMMARY_URL, { ignoreSearch: true });
      summary = cached ? ((await cached.json()) as OfflineSummary) : undefined;
    }
    if (!summary) {
      start.hidden = true;
      say('You are offline. Pages you have opened, and the whole site if you saved it, still work.');
      return;
    }
    if (summary.mode === 'everything') {
      // The worker precaches a small site whole when it installs: nothing for the reader to do.
      start.hidden = true;
      intro.textContent = `This site is small enough to be kept on this device automatically: all ${count(summary.articles)} articles and the search (${formatBytes(summary.bytes)}) work without a connection once a page has loaded.`;
      return;
    }
    const state = await readSavedState();
    const stored = Object.keys(state.files).length > 0;
    remove.hidden = !stored;
    start.hidden = false;
    if (state.version === summary.version) {
      start.hidden = true;
      say(savedText(summary));
    } else if (stored) {
      start.textContent = 'Update the saved copy';
      say('Your saved copy is older than the site: update it to get the latest reviewed pages offline.');
    } else {
      size.textContent = ` (${formatBytes(summary.bytes)})`;
    }
  };

  start.addEventListener('click', async () => {
    start.disabled = true;
    remove.disabled = true;
    barBox.hidden = false;
    bar.value = 0;
    amount.textContent = '';
    say('Preparing to save…');
    let progress: Progress | undefined;
    let lastAnnounced = 0;
    let estimateSeen: { quota?: number; usage?: number } | undefined;
    try {
      const list = await getJson<OfflineFileList>(FILES_URL);
      const done = await saveSite(
        list,
        (p) => {
          progress = p;
          const share = p.totalBytes ? p.doneBytes / p.totalBytes : 1;
          bar.value = Math.round(share * 100);
          amount.textContent = `${formatBytes(p.doneBytes)} of ${formatBytes(p.totalBytes)}`;
          // A live region read at every file would drown a screen reader: announce each quarter.
          const quarter = Math.floor(share * 4);
          if (p.doneFiles === 0) say(`Saving ${formatBytes(p.totalBytes)}…`);
          else if (quarter > lastAnnounced && quarter < 4) {
            lastAnnounced = quarter;
            say(`Saving: ${quarter * 25}% done.`);
          }
        },
        async () => {
          estimateSeen = await navigator.storage.estimate();
          return estimateSeen;
        },
      );
      bar.value = 100;
      if (summary) say(`${savedText(summary)} ${done.totalFiles ? '' : 'Nothing had changed.'}`.trim());
      start.hidden = true;
      remove.hidden = false;
    } catch (error) {
      const failure = failureOf(error);
      const needed = progress?.totalBytes ?? summary?.bytes ?? 0;
      const room = estimateSeen?.quota !== undefined ? estimateSeen.quota - (estimateSeen.usage ?? 0) : undefined;
      say(messageFor(failure, progress, needed, failure === 'quota' && !progress ? room : undefined));
      section.classList.add('offline-save--failed');
      barBox.hidden = true;
      remove.hidden = !(await caches.has(CACHES.saved));
    } finally {
      start.disabled = false;
      remove.disabled = false;
    }
  });

  remove.addEventListener('click', async () => {
    await caches.delete(CACHES.saved);
    section.classList.remove('offline-save--failed');
    barBox.hidden = true;
    remove.hidden = true;
    start.hidden = false;
    start.textContent = 'Save the whole site for offline reading';
    start.append(size);
    if (summary) size.textContent = ` (${formatBytes(summary.bytes)})`;
    say('The saved copy was removed from this device. Pages you open are still kept for reading offline.');
  });

  refresh();
}
