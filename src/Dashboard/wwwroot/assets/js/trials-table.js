// The sweep's trials table (GET /api/sweeps/{id}/trials/table): sorted by the server on the column whose heading is
// clicked, filtered by state, a page at a time; each trial links to its page. It keeps its sort, filter and page
// across the sweep page's refreshes.
// The function it returns refreshes it; a failure shows its line in place of the rows, so the controls stay.
import { el, fill, num, usd, params, badge } from './dom.js';
import { getJson } from './api.js';

const PAGE = 50;
const STATES = ['Waiting', 'Running', 'Complete', 'Pruned', 'Failed', 'Cancelled'];
const COLUMNS = [
  { key: 'number', label: '#', sort: 'number', num: true },
  { key: 'state', label: 'State', sort: 'state' },
  { key: 'value', label: 'Value', sort: 'value', num: true },
  { key: 'epochs', label: 'Epochs', sort: 'epochs', num: true },
  { key: 'bestEpoch', label: 'Best epoch', num: true },
  { key: 'preemptions', label: 'Preemptions', sort: 'preemptions', num: true },
  { key: 'costUsd', label: 'Cost', sort: 'costUsd', num: true },
  { key: 'checkpoint', label: 'Checkpoint' },
  { key: 'params', label: 'Parameters' },
];

export function trialsTable(sweepId, container) {
  const view = { sort: 'number', order: 'asc', state: '', offset: 0 };
  const body = el('div');
  const stateSelect = el('select', { id: 'trial-state', 'aria-label': 'trial state' },
    el('option', { value: '', text: 'any state' }), STATES.map((s) => el('option', { value: s, text: s })));
  const previous = el('button', { type: 'button', text: '← Previous' });
  const next = el('button', { type: 'button', text: 'Next →' });
  const position = el('span');
  fill(container,
    el('div', { class: 'toolbar' }, el('label', { for: 'trial-state', text: 'State' }), stateSelect),
    body,
    el('div', { class: 'pager' }, previous, position, next));

  let total = 0;
  const refresh = async () => {
    const search = new URLSearchParams({ sort: view.sort, order: view.order, offset: String(view.offset), limit: String(PAGE) });
    if (view.state) search.set('state', view.state);
    const page = await getJson(`api/sweeps/${sweepId}/trials/table?${search}`);
    total = page.total;
    previous.disabled = view.offset === 0;
    next.disabled = view.offset + PAGE >= total;
    position.textContent = total ? `${view.offset + 1}–${view.offset + page.items.length} of ${total}` : 'no trial';
    fill(body, el('table', { id: 'trials-table' },
      el('thead', {}, el('tr', {}, COLUMNS.map((column) => heading(column)))),
      el('tbody', {}, page.items.map((trial) => el('tr', { 'data-trial': trial.number }, COLUMNS.map((column) => cell(column, trial)))))));
  };

  // What the table's own controls run: a failure shows its line in place of the rows.
  const update = () => refresh().catch((error) => fill(body, el('p', { class: 'error', text: error.message })));

  const heading = (column) => {
    const attrs = { scope: 'col', class: column.num ? 'num' : null };
    if (!column.sort) return el('th', { ...attrs, text: column.label });
    if (view.sort === column.sort) attrs['aria-sort'] = view.order === 'asc' ? 'ascending' : 'descending';
    return el('th', attrs, el('button', {
      type: 'button', 'data-sort': column.sort, text: column.label,
      onclick: () => {
        view.order = view.sort === column.sort && view.order === 'asc' ? 'desc' : 'asc';
        view.sort = column.sort;
        view.offset = 0;
        update();
      },
    }));
  };

  const cell = (column, trial) => {
    const klass = column.num ? 'num' : column.key === 'params' ? 'params' : null;
    switch (column.key) {
      case 'number': return el('td', { class: klass }, el('a', { href: `sweeps/${sweepId}/trials/${trial.number}`, text: trial.number }));
      case 'state': return el('td', {}, badge(trial.state));
      case 'costUsd': return el('td', { class: klass, text: usd(trial.costUsd) });
      case 'checkpoint': return el('td', { text: trial.checkpoint ? 'kept' : '—' });
      case 'params': return el('td', { class: klass, text: params(trial.params) });
      default: return el('td', { class: klass, text: num(trial[column.key]) });
    }
  };

  stateSelect.addEventListener('change', () => { view.state = stateSelect.value; view.offset = 0; update(); });
  previous.addEventListener('click', () => { view.offset = Math.max(0, view.offset - PAGE); update(); });
  next.addEventListener('click', () => { if (view.offset + PAGE < total) { view.offset += PAGE; update(); } });
  return update;
}
