// A model's page (GET /api/models/{name}): its champion, the champion before it, and every promotion decision.
import { el, fill, panel } from './dom.js';
import { getJson, poll, pathParts } from './api.js';
import { begin } from './page.js';
import { champion, decisions } from './promotions.js';

const name = pathParts()[1];
const page = begin(`Model ${name}`);
const panels = {
  champion: panel('Champion', { id: 'panel-champion' }),
  previous: panel('Previous champion', { id: 'panel-previous' }),
  decisions: panel('Promotion decisions', { id: 'panel-decisions', class: 'panel wide' }),
};
fill(page, el('h1', { text: `Model ${name}` }), el('div', { class: 'grid' }, Object.values(panels).map((p) => p.section)));

poll(async () => {
  const model = await getJson(`api/models/${encodeURIComponent(name)}`);
  fill(panels.champion.body, champion(model.champion, 'champion-download'));
  fill(panels.previous.body, champion(model.previous, 'previous-download'));
  fill(panels.decisions.body, decisions(model.decisions));
  // A decision that is being scored or awaits approval changes without a sweep to watch: look again.
  return model.decisions.some((d) => d.outcome === 'Pending' || d.outcome === 'AwaitingApproval');
}, 5);
