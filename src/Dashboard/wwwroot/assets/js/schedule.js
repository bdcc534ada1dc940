// A schedule's page (GET /api/schedules/{name}): when it fires, its runs and their sweeps, its template, and, when its
// runs challenge a model, that model's champion and promotion decisions (GET /api/models/{name}).
import { el, fill, num, time, badge, panel, table, facts } from './dom.js';
import { getJson, poll, failed, pathParts } from './api.js';
import { begin } from './page.js';
import { champion, decisions } from './promotions.js';

const name = pathParts()[1];
const page = begin(`Schedule ${name}`);
const heading = el('h1', { text: `Schedule ${name}` });
const panels = {
  about: panel('Schedule', { id: 'panel-schedule' }),
  champion: panel('Champion', { id: 'panel-champion' }),
  runs: panel('Runs', { id: 'panel-runs', class: 'panel wide' }),
  decisions: panel('Promotion decisions', { id: 'panel-decisions', class: 'panel wide' }),
  template: panel('Template', { id: 'panel-template', class: 'panel wide' }),
};
fill(page, heading, el('div', { class: 'grid' }, Object.values(panels).map((p) => p.section)));

poll(async () => {
  const schedule = await getJson(`api/schedules/${encodeURIComponent(name)}`);
  fill(heading, `Schedule ${schedule.name}`, schedule.paused ? badge('Paused') : null);
  const model = schedule.model;
  fill(panels.about.body, facts([
    ['Cron', `${schedule.cron} (${schedule.timeZone})`],
    ['Next run', schedule.paused ? 'paused' : time(schedule.nextRunAt)],
    ['While a run still runs', schedule.overlap],
    ['Warm start', schedule.warmStartBest ? `from the previous run's best ${schedule.warmStartBest}` +
      (schedule.warmStartPriorWeight ? `, its trials as a prior of weight ${num(schedule.warmStartPriorWeight)}` : '') : 'none'],
    ['Model', model?.name ? [el('a', { href: `models/${encodeURIComponent(model.name)}`, text: model.name }),
      ` (margin ${num(model.margin ?? 0)}${model.manualApproval ? ', manual approval' : ''})`] : 'none'],
    ['Created', time(schedule.createdAt)],
  ]));
  fill(panels.runs.body, schedule.runs.length
    ? table(['Fired', 'Run date', 'Outcome', 'Sweep', 'Message'], schedule.runs.map((r) => [
      time(r.firedAt), r.runDate, badge(r.outcome),
      r.sweepId ? el('a', { href: `sweeps/${r.sweepId}`, text: `sweep ${r.sweepId}` }) : '—', r.message ?? '—',
    ]), { id: 'runs-table' })
    : el('p', { class: 'note', text: 'Not fired yet.' }));
  fill(panels.template.body, el('pre', { class: 'template', text: schedule.template }));
  if (model?.name) {
    try {
      const view = await getJson(`api/models/${encodeURIComponent(model.name)}`);
      const ours = new Set(schedule.runs.map((r) => r.id));
      fill(panels.champion.body, champion(view.champion, 'champion-download'));
      fill(panels.decisions.body, decisions(view.decisions.filter((d) => d.scheduleRunId === null || ours.has(d.scheduleRunId))));
    } catch (error) {
      // The model is made by the schedule's first run to finish: until then it answers 404.
      failed(panels.champion.body, error);
      fill(panels.decisions.body, el('p', { class: 'note', text: 'No decision yet.' }));
    }
  } else {
    fill(panels.champion.body, el('p', { class: 'note', text: 'This schedule feeds no model.' }));
    fill(panels.decisions.body, el('p', { class: 'note', text: 'No decision: no model.' }));
  }
  return schedule.runs.some((r) => r.outcome === 'Queued');
}, 5);
