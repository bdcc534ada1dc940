// A model's champion and its promotion decisions, drawn on the model page and on the page of a schedule that feeds it.
import { el, num, time, badge, table, facts, bytes } from './dom.js';

const trialRef = (ref) =>
  ref ? el('a', { href: `sweeps/${ref.sweepId}/trials/${ref.trialNumber}`, text: `${ref.sweepName} #${ref.trialNumber}` }) : '—';

const scores = (values) => (values ? Object.entries(values).map(([metric, value]) => `${metric} ${num(value)}`).join(', ') : '—');

/** The champion (ChampionView), or a line saying there is none. */
export function champion(view, id) {
  if (!view) return el('p', { class: 'note', text: 'No champion yet.' });
  return facts([
    ['Trial', trialRef({ sweepId: view.sweepId, sweepName: view.sweepName, trialNumber: view.trialNumber })],
    ['Value', `${num(view.value)} (${view.metric}, ${view.direction})`],
    ['Scored on promotion', scores(view.scores)],
    ['Since', time(view.since)],
    ['Workload', view.workload],
    ['Checkpoint', `epoch ${view.checkpoint.epoch}, ${bytes(view.checkpoint.sizeBytes)}`],
    ['Download', el('a', { id, href: view.downloadUrl, text: view.downloadUrl })],
  ]);
}

/** Every decision (DecisionView), newest first: outcome, both trials and their scores on the same data, and why. */
export function decisions(list) {
  if (!list.length) return el('p', { class: 'note', text: 'No decision yet.' });
  return table(['Decided', 'Outcome', 'By', 'Challenger', 'Its scores', 'Champion', 'Its scores', 'Margin', 'Why'],
    list.map((d) => [
      time(d.decidedAt ?? d.createdAt), badge(d.outcome), d.decidedBy, trialRef(d.challenger), scores(d.challengerScores),
      trialRef(d.champion), scores(d.championScores), num(d.margin), d.reason ?? '—',
    ]), { id: 'decisions-table' });
}
