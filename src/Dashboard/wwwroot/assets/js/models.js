// The models list (GET /api/models): each model's champion, since when, and the decisions awaiting approval.
import { el, fill, time, table } from './dom.js';
import { getJson, poll } from './api.js';
import { begin } from './page.js';

const page = begin('Models');
const list = el('section', { class: 'panel' });
fill(page, el('h1', { text: 'Models' }), list);

poll(async () => {
  const models = await getJson('api/models');
  fill(list, models.length
    ? table(['Model', 'Champion', 'Since', 'Awaiting approval', 'Created'], models.map((m) => [
      el('a', { href: `models/${encodeURIComponent(m.name)}`, text: m.name }),
      m.champion ? el('a', { href: `sweeps/${m.champion.sweepId}/trials/${m.champion.trialNumber}`, text: `${m.champion.sweepName} #${m.champion.trialNumber}` }) : 'none yet',
      time(m.championSince), String(m.awaitingApproval), time(m.createdAt),
    ]), { id: 'models-table' })
    : el('p', { class: 'note', text: 'No model yet: a schedule with a model makes one.' }));
  return false;
});
