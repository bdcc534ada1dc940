// The sweeps list: state, best value, trials by state, spend against budget, labels and schedule; filtered by state,
// name and label (a label's chip filters by it), a page at a time (GET /api/sweeps), refreshed while a listed sweep
// still runs. The filters live in the address, so a filtered list can be bookmarked.
import { el, fill, num, usd, time, badge, table } from './dom.js';
import { getJson, poll, status } from './api.js';
import { begin, trialCounts, LIVE_SWEEP_STATES } from './page.js';

const STATES = ['Running', 'Paused', 'Cancelling', 'Completed', 'Cancelled'];
const page = begin('Sweeps');
const query = new URLSearchParams(location.search);
const filter = { state: query.get('state') ?? '', q: query.get('q') ?? '', label: query.get('label') ?? '' };
const cursors = [null]; // the `after` of each page shown so far; the last is the current page's
let next = null;

const stateSelect = el('select', { id: 'state-filter', 'aria-label': 'state' },
  el('option', { value: '', text: 'any state' }), STATES.map((s) => el('option', { value: s, text: s, selected: s === filter.state })));
const nameInput = el('input', { id: 'name-filter', type: 'search', placeholder: 'name contains…', value: filter.q, 'aria-label': 'name' });
const list = el('div', { id: 'sweeps' });
const older = el('button', { type: 'button', text: 'Older →' });
const newer = el('button', { type: 'button', text: '← Newer' });
const position = el('span');
const labelFilter = el('span', { id: 'label-filter' });

fill(page,
  el('h1', { text: 'Sweeps' }),
  el('form', { class: 'toolbar', onsubmit: (e) => { e.preventDefault(); restart(); } },
    el('label', { for: 'state-filter', text: 'State' }), stateSelect,
    el('label', { for: 'name-filter', text: 'Name' }), nameInput,
    el('button', { type: 'submit', text: 'Filter' }), labelFilter),
  el('section', { class: 'panel' }, list, el('div', { class: 'pager' }, newer, position, older)));

stateSelect.addEventListener('change', restart);
older.addEventListener('click', () => { if (next !== null) { cursors.push(next); load(); } });
newer.addEventListener('click', () => { if (cursors.length > 1) { cursors.pop(); load(); } });

function drawLabelFilter() {
  fill(labelFilter, filter.label
    ? [el('span', { class: 'chip', text: `label ${filter.label}` }),
      el('button', { type: 'button', text: 'any label', onclick: () => { filter.label = ''; restart(); } })]
    : []);
}

function restart() {
  filter.state = stateSelect.value;
  filter.q = nameInput.value.trim();
  drawLabelFilter();
  const search = new URLSearchParams(Object.entries(filter).filter(([, v]) => v));
  history.replaceState(null, '', search.size ? `?${search}` : location.pathname);
  cursors.length = 1;
  drawLabelFilter();
load();
}

async function refresh() {
  const search = new URLSearchParams({ limit: '25' });
  if (filter.state) search.set('state', filter.state);
  if (filter.q) search.set('q', filter.q);
  if (filter.label) search.set('label', filter.label);
  if (cursors.at(-1) !== null) search.set('after', cursors.at(-1));
  const sweeps = await getJson(`api/sweeps?${search}`);
  next = sweeps.next;
  older.disabled = next === null;
  newer.disabled = cursors.length === 1;
  position.textContent = `page ${cursors.length}`;
  fill(list, sweeps.items.length
    ? table(['Id', 'Name', 'State', 'Objective', 'Best value', 'Trials', 'Compute spent / budget', 'Labels', 'Schedule', 'Created'],
      sweeps.items.map((s) => [
        String(s.id),
        el('a', { href: `sweeps/${s.id}`, text: s.name }),
        badge(s.state),
        `${s.objective} (${s.direction})`,
        num(s.bestValue),
        trialCounts(s.trials),
        s.spentUsd === undefined ? '—' : `${usd(s.spentUsd)} / ${s.maxCostUsd === null || s.maxCostUsd === undefined ? 'no limit' : usd(s.maxCostUsd)}`,
        Object.entries(s.labels ?? {}).map(([key, value]) => el('a', {
          class: 'chip', href: `sweeps?label=${encodeURIComponent(`${key}:${value}`)}`, text: `${key}: ${value}`,
        })),
        s.schedule ? el('a', { href: `schedules/${encodeURIComponent(s.schedule)}`, text: s.schedule }) : '—',
        time(s.createdAt),
      ]), { id: 'sweeps-table' })
    : el('p', { class: 'empty-note', text: filter.state || filter.q || filter.label ? 'No sweep matches.' : 'No sweep yet: submit one with `tuner submit FILE`.' }));
  return sweeps.items.some((s) => LIVE_SWEEP_STATES.includes(s.state));
}

// One polling loop at a time: it runs while a listed sweep is live; a filter or page change while it runs refreshes at once.
let polling = false;
function load() {
  if (polling) {
    refresh().then(() => status(null), (error) => status(error.message));
    return;
  }
  polling = true;
  poll(async () => (polling = await refresh()), 5);
}

drawLabelFilter();
load();
