// Reading the REST API, and the one line a page shows when a read fails.
import { el, fill } from './dom.js';

/**
 * A 401 means the browser's session ended (signed out, expired, or its key revoked): the page goes to sign in, to come
 * back here after, instead of showing an error. The returned promise never settles, so nothing draws a failure while the
 * browser leaves. The sign-in address is relative to the <base href>, like every other.
 */
function signInAgain() {
  location.assign(new URL(`signin?ReturnUrl=${encodeURIComponent(location.pathname + location.search)}`, document.baseURI));
  return new Promise(() => {});
}

/** GET a JSON resource; a failure throws an Error whose message is one line fit for the page. */
export async function getJson(path) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: 'application/json' } });
  } catch {
    throw new Error(`Tuner's server did not answer ${path}; is it running?`);
  }
  if (response.status === 401) return signInAgain();
  if (!response.ok) {
    let why = response.statusText;
    try {
      const problem = await response.json();
      why = problem.detail ?? problem.title ?? why;
    } catch {
      // Not problem details: the status text says enough.
    }
    throw new Error(`${path} answered ${response.status}: ${why}`);
  }
  return response.json();
}

/**
 * POST an action; a failure throws as getJson does. A signed-in browser's actions carry the antiforgery token from
 * GET /api/session (docs/access.md).
 */
export async function post(path, token) {
  const response = await fetch(path, { method: 'POST', headers: { Accept: 'application/json', 'X-CSRF-TOKEN': token ?? '' } });
  if (response.status === 401) return signInAgain();
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(`${path} answered ${response.status}: ${problem.detail ?? problem.title ?? response.statusText}`);
  }
}

/** Who is looking (GET /api/session), read once per page: name, role, whether they may act, and the token actions carry. */
let current = null;
export const session = () => (current ??= getJson('api/session'));

/** Shows (or clears, with null) the page's one status line under the header. */
export function status(message) {
  const line = document.getElementById('status');
  line.hidden = !message;
  line.textContent = message ?? '';
}

/** Fills a panel with a one-line error in place of what it could not read. */
export const failed = (container, error) => fill(container, el('p', { class: 'error', text: error.message }));

/**
 * Runs refresh() now and then every `seconds` while it returns true (the sweep still runs), never two at once.
 * A failed refresh shows its line and tries again; the next good one clears it.
 */
export function poll(refresh, seconds = 3) {
  const tick = async () => {
    let again = true;
    try {
      again = await refresh();
      status(null);
    } catch (error) {
      status(error.message);
    }
    if (again) setTimeout(tick, seconds * 1000);
  };
  return tick();
}

/**
 * The page's path below Tuner's root, in segments: /sweeps/12/trials/3 gives ['sweeps', '12', 'trials', '3']. The root is
 * the shell's <base href>, which the server sets to its path base, so the pages work behind a proxy that mounts Tuner
 * under a prefix; for the same reason every link and API path in the pages is relative to it.
 */
export const pathParts = () =>
  location.pathname.slice(new URL(document.baseURI).pathname.length).split('/').filter(Boolean).map(decodeURIComponent);
