// What every page does first: find its content area and mark its place in the header.
import { fill } from './dom.js';
import { pathParts } from './api.js';

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
  return page;
}

/** "12 complete · 3 pruned · 1 running": a sweep's trials by state, leaving out the states with none. */
export function trialCounts(counts) {
  if (!counts) return '—';
  return ['complete', 'pruned', 'failed', 'running', 'waiting', 'cancelled']
    .filter((state) => counts[state] > 0)
    .map((state) => `${counts[state]} ${state}`)
    .join(' · ') || 'none yet';
}
