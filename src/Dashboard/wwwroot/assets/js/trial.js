// The trial page (GET /api/sweeps/{id}/trials/{number}): its curve, parameters, runs (worker, where it resumed, how it
// ended), checkpoints and error, with links to its sweep and its Hangfire job; refreshed while it waits or runs.
import { el, fill, num, time, badge, panel, table, facts, duration } from './dom.js';
import { getJson, poll, pathParts } from './api.js';
import { begin } from './page.js';
import { curvesChart } from './charts.js';

const [, sweepText, , numberText] = pathParts();
const [sweepId, number] = [Number(sweepText), Number(numberText)];
const page = begin(`Trial ${number}`);
const heading = el('h1', { text: `Trial ${number}` });
const about = el('div', { class: 'summary' });
const panels = {
  curve: panel('Learning curve', { id: 'panel-curve' }),
  params: panel('Parameters', { id: 'panel-params' }),
  runs: panel('Runs', { id: 'panel-runs', class: 'panel wide' }),
  checkpoints: panel('Checkpoints', { id: 'panel-checkpoints' }),
  error: panel('Error', { id: 'panel-error' }),
};
fill(page, heading, about, el('div', { class: 'grid' }, Object.values(panels).map((p) => p.section)));

function draw(trial, objective) {
  document.title = `Trial ${trial.number} of ${trial.sweepName} — Tuner`;
  fill(heading, `Trial ${trial.number}`, badge(trial.state),
    el('span', { class: 'subtitle' }, 'of ', el('a', { id: 'sweep-link', href: `sweeps/${trial.sweepId}`, text: trial.sweepName })));
  fill(about, facts([
    ['Value', num(trial.value)],
    ['Best epoch', num(trial.bestEpoch)],
    ['Attempts', num(trial.attempts)],
    ['Preemptions', num(trial.preemptions)],
    ['Lost runs', num(trial.lostRuns)],
    ['Hangfire job', trial.hangfireJobId
      ? el('a', { id: 'hangfire-link', href: `hangfire/jobs/details/${encodeURIComponent(trial.hangfireJobId)}`, text: `job ${trial.hangfireJobId}` })
      : 'none yet'],
  ]));
  const lastStep = trial.reports.at(-1)?.step;
  fill(panels.curve.body, curvesChart({
    metric: objective,
    curves: [{ trialId: trial.trialId, number: trial.number, state: trial.state, value: trial.value,
      prunedAtStep: trial.state === 'Pruned' ? lastStep : null, points: trial.reports.map((r) => [r.step, r.value]) }],
  }), trial.reports.length ? el('p', { class: 'note', text: `${trial.reports.length} reports, ${duration(trial.reports.reduce((s, r) => s + r.seconds, 0))} of training` }) : null);
  fill(panels.params.body, table(['Parameter', 'Value'], Object.entries(trial.params).map(([name, value]) => [name, typeof value === 'number' ? num(value) : String(value)]), { id: 'params-table' }));
  fill(panels.runs.body, trial.runs.length
    ? table(['Worker', 'Started', 'Ended', 'Resumed from', 'Epochs trained', 'Ended how'], trial.runs.map((run) => [
      run.worker, time(run.startedAt), run.endedAt ? time(run.endedAt) : 'still running',
      run.resumedEpoch > 0 || run.resumedBatch > 0 ? `epoch ${run.resumedEpoch}, batch ${run.resumedBatch}` : 'the start',
      num(run.epochsTrained), [badge(run.outcome), run.endReason ? ` ${run.endReason}` : ''],
    ]), { id: 'runs-table' })
    : el('p', { class: 'note', text: 'Not run yet.' }));
  fill(panels.checkpoints.body, trial.checkpoints.length
    ? [el('ul', { id: 'checkpoints' }, trial.checkpoints.map((uri) => el('li', { text: uri }))),
      el('a', { href: `api/sweeps/${sweepId}/trials/${number}/checkpoint`, text: 'Download its best checkpoint' })]
    : el('p', { class: 'note', text: 'No checkpoint kept.' }));
  fill(panels.error.body, trial.error ? el('pre', { class: 'error-text', text: trial.error }) : el('p', { class: 'note', text: 'None.' }));
}

// The sweep's objective names the curve's axis; it never changes, so it is read once.
let objective = null;
poll(async () => {
  const trial = await getJson(`api/sweeps/${sweepId}/trials/${number}`);
  objective ??= (await getJson(`api/sweeps/${sweepId}`)).objective;
  draw(trial, objective);
  return trial.state === 'Waiting' || trial.state === 'Running';
}, 3);
