// The schedules list (GET /api/schedules): cron, next firing, the model it feeds and its latest run.
import { el, fill, time, badge, table } from './dom.js';
import { getJson, poll } from './api.js';
import { begin } from './page.js';

const page = begin('Schedules');
const list = el('section', { class: 'panel' });
fill(page, el('h1', { text: 'Schedules' }), list);

poll(async () => {
  const schedules = await getJson('api/schedules');
  fill(list, schedules.length
    ? table(['Schedule', 'Cron', 'Next run', 'Model', 'Latest run', 'Its sweep'], schedules.map((s) => {
      const latest = s.runs[0];
      return [
        el('a', { href: `schedules/${encodeURIComponent(s.name)}`, text: s.name }),
        `${s.cron} (${s.timeZone})`,
        s.paused ? badge('Paused') : time(s.nextRunAt),
        s.model?.name ? el('a', { href: `models/${encodeURIComponent(s.model.name)}`, text: s.model.name }) : '—',
        latest ? [badge(latest.outcome), ` ${time(latest.firedAt)}`] : 'none yet',
        latest?.sweepId ? el('a', { href: `sweeps/${latest.sweepId}`, text: `sweep ${latest.sweepId}` }) : '—',
      ];
    }), { id: 'schedules-table' })
    : el('p', { class: 'note', text: 'No schedule yet: create one with `tuner schedule create`.' }));
  return false;
});
