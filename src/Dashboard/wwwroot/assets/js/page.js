// What every page does first: find its content area and mark its place in the header.
import { el, fill } from './dom.js';
import { pathParts, session } from './api.js';

export const LIVE_SWEEP_STATES = ['Running', 'Paused', 'Cancelling'];

/** The page's content area, emptied, with the header's link for this section marked current. */
export function begin(title) {
  document.title = `${title} — Tuner`;
  const section = pathParts()[0] ?? '';
  for (const link of document.querySelectorAll('header.top nav a')) {
    if (link.getAttribute('href') === section) link.setAttribute('aria-current', 'page');
  }
  const page = document.getElementById('page');
  fill(page);
  showViewer();
  return page;
}

/**
 * The header's right end: who is signed in, with their role, and a Sign out button (a plain form: /signout needs no
 * token); "open: no sign-in" when the server asks for no key (on loopback, or TUNER_AUTH=open). A session that cannot
 * be read leaves it empty: the page's own reads say why.
 */
async function showViewer() {
  const viewer = await session().catch(() => null);
  if (!viewer) return;
  const who = viewer.open
    ? el('span', { id: 'viewer', class: 'viewer' }, el('span', { class: 'role', text: 'open: no sign-in' }))
    : el('span', { id: 'viewer', class: 'viewer' },
      el('span', { class: 'name', text: viewer.name ?? '' }),
      el('span', { class: 'role', text: viewer.role }),
      el('form', { method: 'post', action: 'signout' }, el('button', { id: 'sign-out', type: 'submit', text: 'Sign out' })));
  document.querySelector('header.top').append(who);
}

/** "12 complete · 3 pruned · 1 running": a sweep's trials by state, leaving out the states with none. */
export function trialCounts(counts) {
  if (!counts) return '—';
  return ['complete', 'pruned', 'failed', 'running', 'waiting', 'cancelled']
    .filter((state) => counts[state] > 0)
    .map((state) => `${counts[state]} ${state}`)
    .join(' · ') || 'none yet';
}
