// The sweep page: a summary, then the panels: progress by trial and by time, learning curves, parallel coordinates,
// parameter importance, the runs per worker, cost, events and the trials table. Each panel reads its own endpoint and
// shows its own one-line error; the whole page refreshes every few seconds while the sweep runs, and once more as it ends.
import { el, fill, num, usd, percent, time, badge, panel, table, facts } from './dom.js';
import { getJson, post, poll, failed, status, pathParts, session } from './api.js';
import { begin, trialCounts, LIVE_SWEEP_STATES } from './page.js';
import { progressChart, curvesChart, parallelChart, barsChart, timelineChart, legend } from './charts.js';
import { trialsTable } from './trials-table.js';

const id = Number(pathParts()[1]);
const api = `api/sweeps/${id}`;
const page = begin(`Sweep ${id}`);
const trialNumbers = new Map(); // trial id → number, learnt from the panels' data, for the events' links

const heading = el('h1', { text: `Sweep ${id}` });
const summary = el('div', { class: 'summary' });
const panels = {
  progress: panel('Best value by trial', { id: 'panel-progress' }),
  progressTime: panel('Best value over time', { id: 'panel-progress-time' }),
  curves: panel('Learning curves', { id: 'panel-curves' }),
  parallel: panel('Parameters (parallel coordinates)', { id: 'panel-parallel' }),
  importance: panel('Parameter importance', { id: 'panel-importance' }),
  timeline: panel('Runs per worker', { id: 'panel-timeline' }),
  cost: panel('Cost', { id: 'panel-cost' }),
  events: panel('Events', { id: 'panel-events' }),
  trials: panel('Trials', { id: 'panel-trials', class: 'panel wide' }),
};
fill(page, heading, summary, el('div', { class: 'grid' }, Object.values(panels).map((p) => p.section)));
const refreshTable = trialsTable(id, panels.trials.body);

const note = (text) => el('p', { class: 'note', text });
const trialLink = (number) => el('a', { href: `sweeps/${id}/trials/${number}`, text: `trial ${number}` });

// Only a viewer who may submit sees the button (the server refuses the others' POST with 403 anyway).
async function cancelButton(sweep) {
  if (sweep.state !== 'Running' && sweep.state !== 'Paused') return null;
  const viewer = await session().catch(() => ({ canSubmit: false }));
  if (!viewer.canSubmit) return null;
  return el('button', {
    id: 'cancel-sweep', type: 'button', class: 'action', text: 'Cancel sweep',
    onclick: async () => {
      if (!confirm(`Cancel sweep ${sweep.name}? Waiting trials are cancelled; running ones stop at the end of their epoch.`)) return;
      try {
        await post(`${api}/cancel`, viewer.csrfToken);
        status(null);
      } catch (error) {
        status(error.message);
      }
    },
  });
}

async function drawSummary(sweep) {
  fill(heading, sweep.name, badge(sweep.state), el('span', { class: 'subtitle', text: `sweep ${sweep.id}` }), await cancelButton(sweep));
  document.title = `${sweep.name} — Tuner`;
  const stat = (label, ...value) => el('div', { class: 'stat' }, el('span', { class: 'label', text: label }), el('span', { class: 'value' }, ...value));
  fill(summary,
    stat('Objective', `${sweep.objective} (${sweep.direction})`),
    stat('Best', sweep.best ? [num(sweep.best.value), ' · ', trialLink(sweep.best.number)] : '—'),
    stat('Trials', `${trialCounts(sweep.trials)} (max ${sweep.maxTrials}, ${sweep.parallelism} at once)`),
    stat('Spent / budget', el('span', { id: 'spend', text: spend ?? '…' })),
    stat('Created', time(sweep.createdAt)),
    sweep.finishedAt ? stat('Finished', time(sweep.finishedAt), sweep.stopReason ? ` (${sweep.stopReason})` : '') : null,
    stat('Export', el('span', { class: 'links' },
      el('a', { href: `${api}/export?format=csv`, download: '', text: 'CSV' }),
      el('a', { href: `${api}/export?format=json`, download: '', text: 'JSON' }))));
}

async function drawProgress() {
  const progress = await getJson(`${api}/progress?maxPoints=1000`);
  for (const p of progress.points) trialNumbers.set(p.trialId, p.number);
  const shown = `${progress.points.length} of ${progress.completeCount} complete trials` +
    (progress.sampled ? ', sampled: every new best and an even share of the rest' : '');
  const key = legend([['dot', `each trial's ${progress.objective}`], ['best', `best so far (${progress.direction})`]]);
  fill(panels.progress.body, progressChart(progress, 'number'), key, note(shown));
  fill(panels.progressTime.body, progressChart(progress, 'time'), key.cloneNode(true), note(shown));
}

async function drawCurves() {
  const curves = await getJson(`${api}/curves?maxTrials=200&maxPoints=200`);
  for (const c of curves.curves) trialNumbers.set(c.trialId, c.number);
  fill(panels.curves.body, curvesChart(curves),
    legend([['running', 'complete'], ['pruned', 'pruned'], ['marker-pruned', 'pruned here'], ['failed', 'failed']]),
    note(`${curves.shown} of ${curves.trialCount} trials with reports` +
      (curves.selection === 'all' ? '' : ': the best half and an even sample of the rest')));
}

async function drawParameters() {
  const parameters = await getJson(`${api}/parameters?maxTrials=2000`);
  fill(panels.parallel.body, parallelChart(parameters),
    legend([['value-scale', `${parameters.objective}: worst → best`]]),
    note(`${parameters.shown} of ${parameters.trialCount} complete trials` +
      (parameters.shown < parameters.trialCount ? ': the best quarter and an even sample of the rest' : '')));
  const importance = parameters.importance;
  fill(panels.importance.body, importance
    ? [barsChart('importance', importance.values.map((v) => ({ label: v.name, key: v.name, value: v.importance, text: percent(v.importance) })),
      { attribute: 'data-param' }),
      note(`Estimated on ${importance.trials} of ${parameters.trialCount} complete trials` +
        (importance.trials < parameters.trialCount ? ' (an even sample by number)' : '') + `: ${importance.method}.`)]
    : note('Importance needs at least two complete trials for each parameter.'));
}

async function drawTimeline() {
  const timeline = await getJson(`${api}/timeline?maxRuns=2000`);
  fill(panels.timeline.body, timelineChart(timeline),
    legend([['completed', 'completed'], ['pruned', 'pruned'], ['preempted', 'preempted (▼ at its end)'], ['failed', 'failed or lost'],
      ['running', 'running'], ['resumed', 'resumed from a checkpoint']]),
    note(`${timeline.shown} of ${timeline.runCount} runs` + (timeline.shown < timeline.runCount ? ' (the most recent)' : '')));
}

// The summary's "Spent / budget", from the cost report: kept here, since the summary and the cost are read at once.
let spend = null;

async function drawCost() {
  const cost = await getJson(`${api}/cost?trials=false`);
  spend = `${usd(cost.spentUsd)} / ${cost.maxCostUsd === null ? 'no limit' : `${usd(cost.maxCostUsd)} (${percent(cost.budgetUsed)})`}`;
  const shown = document.getElementById('spend');
  if (shown) shown.textContent = spend;
  const lines = cost.lines.filter((line) => line.usd > 0 || line.seconds > 0);
  fill(panels.cost.body,
    barsChart('cost', lines.map((line) => ({ label: line.category.replaceAll('_', ' '), key: line.category, value: Number(line.usd), text: usd(line.usd) }))),
    facts([
      ['Spent', `${usd(cost.spentUsd)} (compute ${usd(cost.computeUsd)}, storage ${usd(cost.storage.usd)})`],
      ['Budget used', cost.maxCostUsd === null ? 'no budget set' : `${percent(cost.budgetUsed)} of ${usd(cost.maxCostUsd)}`],
      ['Saved by pruning', `${usd(cost.savedByPruning.usd)} (${cost.savedByPruning.epochsNotRun} epochs not run)`],
      ['Saved by spot', cost.savedBySpot.usd === null ? 'no on-demand price known' : `${usd(cost.savedBySpot.usd)} (${percent(cost.savedBySpot.discount)} off)`],
      ['To reach the best trial', cost.bestTrialNumber === null ? '—' : [usd(cost.usdToBestTrial), ' · ', trialLink(cost.bestTrialNumber)]],
      cost.toFinishUsd !== null ? ['To finish (projected)', usd(cost.toFinishUsd)] : null,
      ['Prices', cost.priceSources.join('; ') || '—'],
      cost.priceUnset ? ['Note', 'some time has no price set and counts as $0'] : null,
    ]));
}

const events = [];
async function drawEvents() {
  for (;;) {
    const batch = await getJson(`${api}/events?after=${events.at(-1)?.id ?? 0}`);
    events.push(...batch);
    if (batch.length < 500) break;
  }
  const recent = events.slice(-200).reverse();
  fill(panels.events.body, recent.length
    ? el('div', { class: 'events' }, table(['At', 'Kind', 'Trial', 'Message'], recent.map((e) => [
      time(e.at), e.kind, e.trialId === null ? '—' : trialNumbers.has(e.trialId) ? trialLink(trialNumbers.get(e.trialId)) : `id ${e.trialId}`, e.message,
    ]), { id: 'events-table' }))
    : note('No event yet.'));
}

// In the order they are requested, after the summary: the browser opens at most 6 connections to a server, so the
// quick reads (the summary, the table's page) go first and the slowest (the cost report) next, where they do not wait
// for a free connection.
const drawings = [
  [refreshTable, []],
  [drawCost, [panels.cost]],
  [drawParameters, [panels.parallel, panels.importance]],
  [drawTimeline, [panels.timeline]],
  [drawCurves, [panels.curves]],
  [drawProgress, [panels.progress, panels.progressTime]],
];
const draw = ([read, owners]) => read().catch((error) => owners.forEach((p) => failed(p.body, error)));

poll(async () => {
  // The summary, the panels and the table are read at once (one after another, a 50,000-trial sweep's page waited for
  // the sum); the events name trials by id, so they are drawn after the panels that learn the numbers.
  const summary = getJson(api);
  const panelsDrawn = Promise.all(drawings.map(draw)).then(() => draw([drawEvents, [panels.events]]));
  const sweep = await summary;
  await drawSummary(sweep);
  await panelsDrawn;
  // Every panel has drawn (or shown its error): what the scale benchmark (tests/Browser/scale.bench.mjs) waits for.
  document.body.dataset.ready = 'true';
  return LIVE_SWEEP_STATES.includes(sweep.state);
}, 3);
