// Tells a reader when the page they have open was changed by a later deploy (a medical correction
// must not go unnoticed in a tab left open, or in a copy read offline). A page that declares its
// revision (<meta name="page-revision">, src/layouts/Base.astro) fetches itself again, past every
// cache, when the connection comes back and when the tab is shown again after a while; the service
// worker also reports it when it had to show a cached copy because the network was slow. Without
// JavaScript nothing happens, and the page is still the one the reader asked for.
import { BYPASS_HEADER, NEWER_VERSION_MESSAGE, REVISION_META, readRevision } from './protocol.ts';

/** A tab shown again checks at most this often. */
export const CHECK_INTERVAL_MS = 10 * 60 * 1000;

export function showNewerVersionNotice(region: HTMLElement): void {
  if (region.childElementCount > 0) return;
  const text = document.createElement('p');
  text.append('A newer version of this page has been published since you opened it. ');
  const link = document.createElement('a');
  link.href = location.pathname + location.search;
  link.textContent = 'Reload to read the latest version';
  text.append(link, '.');
  region.append(text);
  region.classList.add('page-update--shown');
}

/** Whether the page as served now differs from the revision this document shows. */
export async function isOutdated(revision: string, fetchPage: () => Promise<Response>): Promise<boolean> {
  try {
    const response = await fetchPage();
    if (!response.ok) return false;
    const current = readRevision(await response.text());
    return current !== undefined && current !== revision;
  } catch {
    return false; // offline or interrupted: nothing to say yet
  }
}

export function watchForNewerVersion(): void {
  const region = document.querySelector<HTMLElement>('[data-page-update]');
  const revision = document.querySelector<HTMLMetaElement>(`meta[name="${REVISION_META}"]`)?.content;
  if (!region) return;
  const show = () => showNewerVersionNotice(region);
  navigator.serviceWorker?.addEventListener('message', (event: MessageEvent) => {
    if (event.data?.type === NEWER_VERSION_MESSAGE && event.data.url === location.pathname) show();
  });
  if (!revision) return;
  let lastCheck = Date.now();
  const check = async () => {
    lastCheck = Date.now();
    const fetchPage = () =>
      fetch(location.pathname, { cache: 'no-store', headers: { [BYPASS_HEADER]: 'revision-check' } });
    if (await isOutdated(revision, fetchPage)) show();
  };
  addEventListener('online', check);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && Date.now() - lastCheck >= CHECK_INTERVAL_MS) check();
  });
}
