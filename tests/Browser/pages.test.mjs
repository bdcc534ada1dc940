// Tuner's pages in a real browser (Debian's chromium driven by playwright-core), against a real `tuner server` whose
// sweep has run to completion. tests/Scheduler.EndToEnd.Tests/Pages/PagesBrowserTests.cs starts the cluster, runs the
// sweep and runs this file with node's test runner; scripts/lib/browser.sh installs chromium and playwright-core.
//
// The server asks for API keys (it listens on a network address): the browser signs in through the real /signin form,
// as read for most tests; node's own API calls send a key as a bearer token.
//
// Environment: TUNER_URL (the server), TUNER_KEY_READ, TUNER_KEY_SUBMIT and TUNER_KEY_ADMIN (a key of each role),
// TUNER_SWEEP_ID (a completed sweep with pruned trials), TUNER_PREEMPTED_TRIAL (the
// number of its trial that was preempted and resumed), TUNER_SCHEDULE and
// TUNER_MODEL (the schedule that ran it and the model its best trial challenged), TUNER_SCREENSHOTS (a folder for a
// full-page screenshot of each page), TUNER_BROWSER_TOOLS (where playwright-core is installed), TUNER_CHROMIUM.
//
// The tests assert on what the charts drew (their data-* marks) against what the API says, not on pixels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { env, launchChromium, serverUrl } from './chromium.mjs';

const base = serverUrl();
const sweepId = Number(env('TUNER_SWEEP_ID'));
const preemptedTrial = Number(env('TUNER_PREEMPTED_TRIAL'));
const scheduleName = env('TUNER_SCHEDULE');
const modelName = env('TUNER_MODEL');
const screenshots = env('TUNER_SCREENSHOTS');
const keys = { read: env('TUNER_KEY_READ'), submit: env('TUNER_KEY_SUBMIT'), admin: env('TUNER_KEY_ADMIN') };
const bearer = (key) => ({ Authorization: `Bearer ${key}` });
const viewport = { width: 1366, height: 768 };

let browser;
let context; // signed in as read

/** A new browser context signed in through the real /signin form with the key (it lands on /sweeps). */
async function signedIn(key) {
  const signed = await browser.newContext({ viewport });
  const page = await signed.newPage();
  await page.goto(`${base}/signin`);
  await page.fill('#key', key);
  await Promise.all([page.waitForURL(`${base}/sweeps`), page.click('button[type="submit"]')]);
  await page.close();
  return signed;
}

before(async () => {
  browser = await launchChromium();
  context = await signedIn(keys.read);
});

after(async () => {
  await browser?.close();
});

async function api(relative) {
  const response = await fetch(`${base}${relative}`, { headers: bearer(keys.read) });
  assert.equal(response.status, 200, `GET ${relative} answered ${response.status}`);
  return response.json();
}

async function allTrials() {
  const trials = [];
  let after = null;
  do {
    const page = await api(`/api/sweeps/${sweepId}/trials?limit=100${after === null ? '' : `&after=${after}`}`);
    trials.push(...page.items);
    after = page.next;
  } while (after !== null);
  return trials;
}

/** Opens a page (as read, or in the given context), recording every console error, page error, failed request and error
 * response while it is open. */
async function open(relative, waitFor, { as = context } = {}) {
  const page = await as.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => { if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`); });
  const response = await page.goto(`${base}${relative}`);
  assert.equal(response.status(), 200, `${relative} answered ${response.status()}`);
  if (waitFor) await page.waitForSelector(waitFor);
  return { page, problems };
}

async function screenshot(page, name) {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

/** Closes a page, failing on anything that went wrong while it was open but the problems a test expects. */
async function close({ page, problems }, expected = []) {
  await page.close();
  const unexpected = problems.filter((problem) => !expected.some((pattern) => pattern.test(problem)));
  assert.deepEqual(unexpected, [], `the page had errors:\n${unexpected.join('\n')}`);
}

/** Submits a sweep with the submit key; returns its id. */
async function submit(definition) {
  const submitted = await fetch(`${base}/api/sweeps`, { method: 'POST', headers: { 'Content-Type': 'application/yaml', ...bearer(keys.submit) }, body: definition });
  const body = await submitted.text();
  assert.equal(submitted.status, 201, body);
  return JSON.parse(body).id;
}

const attribute = (page, selector, name) => page.$eval(selector, (element, n) => element.getAttribute(n), name);

/** Where a link leads, as a path and query on the server (the pages' links are relative to their <base href>). */
const target = (page, selector) => page.$eval(selector, (a) => new URL(a.href).pathname + new URL(a.href).search);

test('/ redirects to /sweeps, which lists the sweep with its state, best value and trials', async () => {
  const opened = await open('/', `#sweeps-table a[href="sweeps/${sweepId}"]`);
  const { page } = opened;
  assert.equal(new URL(page.url()).pathname, '/sweeps');
  const sweep = await api(`/api/sweeps/${sweepId}`);
  const row = page.locator('#sweeps-table tbody tr', { has: page.locator(`a[href="sweeps/${sweepId}"]`) });
  const text = await row.innerText();
  assert.match(text, new RegExp(sweep.state));
  assert.match(text, new RegExp(`${sweep.trials.complete} complete`));
  assert.match(text, new RegExp(`${sweep.trials.pruned} pruned`));
  await screenshot(page, 'sweeps');

  // Filtering by a name no sweep has leaves none; by the sweep's state lists it again, and the address keeps the filter.
  await page.fill('#name-filter', 'no-such-sweep');
  await page.click('form.toolbar button[type="submit"]');
  await page.waitForSelector('#sweeps .empty-note');
  await page.fill('#name-filter', '');
  await page.selectOption('#state-filter', sweep.state);
  await page.waitForSelector(`#sweeps-table a[href="sweeps/${sweepId}"]`);
  assert.equal(new URL(page.url()).search, `?state=${sweep.state}`);

  // A label's chip lists the sweeps with that label.
  await page.selectOption('#state-filter', '');
  await page.click(`#sweeps-table tbody tr:has(a[href="sweeps/${sweepId}"]) a.chip`);
  await page.waitForSelector('#label-filter .chip');
  const labelled = await api(`/api/sweeps?label=${encodeURIComponent('team:pages')}`);
  assert.deepEqual(labelled.items.map((s) => s.id), [sweepId]);
  await page.waitForFunction((count) => document.querySelectorAll('#sweeps-table tbody tr').length === count, labelled.items.length);
  assert.equal(new URL(page.url()).searchParams.get('label'), 'team:pages');
  await close(opened);
});

test('the sweep page draws every complete trial, every curve (pruned ones cut at their prune step) and every line', async () => {
  const opened = await open(`/sweeps/${sweepId}`, '#trials-table tbody tr');
  const { page } = opened;
  for (const chart of ['progress', 'progress-time', 'curves', 'parallel', 'importance', 'timeline', 'cost']) {
    await page.waitForSelector(`svg[data-chart="${chart}"]`);
  }
  const [sweep, progress, trials] = await Promise.all([api(`/api/sweeps/${sweepId}`), api(`/api/sweeps/${sweepId}/progress`), allTrials()]);
  const complete = trials.filter((t) => t.state === 'Complete');
  assert.ok(complete.length >= 2, `the sweep needs complete trials to draw, but has ${complete.length}`);
  assert.equal(progress.completeCount, complete.length);

  // Best value so far: one dot per complete trial, against trial number and against time.
  for (const chart of ['progress', 'progress-time']) {
    assert.equal(Number(await attribute(page, `svg[data-chart="${chart}"]`, 'data-points')), complete.length, chart);
    const dots = await page.$$eval(`svg[data-chart="${chart}"] circle[data-trial]`, (circles) => circles.map((c) => Number(c.dataset.trial)));
    assert.deepEqual(dots.toSorted((a, b) => a - b), complete.map((t) => t.number).toSorted((a, b) => a - b), chart);
  }
  // A mark's tooltip names its trial and value (the pointer's event sent to the mark itself: the best-so-far line
  // lies over the dots that set a new best).
  const first = complete[0];
  await page.dispatchEvent(`svg[data-chart="progress"] circle[data-trial="${first.number}"]`, 'pointermove', { bubbles: true, clientX: 200, clientY: 200 });
  await page.waitForSelector('.chart-tip:not([hidden])');
  assert.match(await page.locator('.chart-tip').innerText(), new RegExp(`^trial ${first.number}: `));

  // Learning curves: one path per trial that reported; a pruned trial's ends at its last reported step, marked.
  const reported = trials.filter((t) => t.reports.length > 0);
  const pruned = trials.filter((t) => t.state === 'Pruned');
  assert.ok(pruned.length > 0, 'the sweep has no pruned trial to check');
  assert.equal(Number(await attribute(page, 'svg[data-chart="curves"]', 'data-points')), reported.length);
  const curves = await page.$$eval('svg[data-chart="curves"] path.curve', (paths) => paths.map((p) => ({ trial: Number(p.dataset.trial), state: p.dataset.state, last: Number(p.dataset.lastStep) })));
  assert.deepEqual(curves.map((c) => c.trial).toSorted((a, b) => a - b), reported.map((t) => t.number).toSorted((a, b) => a - b));
  for (const trial of pruned) {
    const lastStep = trial.reports.at(-1).step;
    const curve = curves.find((c) => c.trial === trial.number);
    assert.deepEqual([curve.state, curve.last], ['Pruned', lastStep], `trial ${trial.number}'s curve`);
    assert.equal(Number(await attribute(page, `svg[data-chart="curves"] .pruned-marker[data-trial="${trial.number}"]`, 'data-pruned-step')), lastStep);
  }
  const markers = await page.$$eval('svg[data-chart="curves"] .pruned-marker', (m) => m.length);
  assert.equal(markers, pruned.length);

  // Parallel coordinates: one line per complete trial.
  assert.equal(await page.$$eval('svg[data-chart="parallel"] path.pc-line', (lines) => lines.length), complete.length);
  assert.equal(Number(await attribute(page, 'svg[data-chart="parallel"]', 'data-points')), complete.length);

  // Importance names its method; the timeline draws every run on its worker's row, and marks the preemption and the
  // resumption of the trial whose worker was terminated.
  assert.ok((await page.locator('#panel-importance .note').innerText()).length > 10);
  const runs = trials.flatMap((t) => t.runs.map((run) => ({ ...run, number: t.number })));
  assert.equal(Number(await attribute(page, 'svg[data-chart="timeline"]', 'data-points')), runs.length);
  const workers = await page.$$eval('svg[data-chart="timeline"] g.worker', (rows) => rows.map((g) => g.dataset.worker));
  assert.deepEqual(workers.toSorted(), [...new Set(runs.map((r) => r.worker))].toSorted());
  const marked = (selector) => page.$$eval(`svg[data-chart="timeline"] ${selector}`, (marks) => marks.map((m) => Number(m.dataset.trial)).toSorted((a, b) => a - b));
  assert.deepEqual(await marked('.preempted-marker'), runs.filter((r) => r.outcome === 'Preempted').map((r) => r.number).toSorted((a, b) => a - b));
  assert.deepEqual(await marked('.resumed-marker'), runs.filter((r) => r.resumedEpoch > 0).map((r) => r.number).toSorted((a, b) => a - b));
  assert.ok((await marked('.preempted-marker')).includes(preemptedTrial), `trial ${preemptedTrial}'s preemption is not marked`);
  assert.ok((await marked('.resumed-marker')).includes(preemptedTrial), `trial ${preemptedTrial}'s resumption is not marked`);

  // The summary names the best trial, and the export links are there.
  assert.match(await page.locator('.summary').innerText(), new RegExp(`trial ${sweep.best.number}`));
  const exports = await page.$$eval('.summary a[download]', (links) => links.map((a) => new URL(a.href).pathname + new URL(a.href).search));
  assert.deepEqual(exports, [`/api/sweeps/${sweepId}/export?format=csv`, `/api/sweeps/${sweepId}/export?format=json`]);
  const csv = await fetch(`${base}${exports[0]}`, { headers: bearer(keys.read) });
  assert.equal(csv.headers.get('content-disposition')?.startsWith('attachment'), true);
  assert.equal((await csv.text()).trim().split('\r\n').length, trials.length + 1, 'the CSV export has a header and a line per trial');
  await screenshot(page, 'sweep');
  await close(opened);
});

test('sorting the trials table by value puts the best trial first; the state filter keeps only that state', async () => {
  const opened = await open(`/sweeps/${sweepId}`, '#trials-table tbody tr');
  const { page } = opened;
  const sweep = await api(`/api/sweeps/${sweepId}`);
  const clicks = sweep.direction === 'maximize' ? 2 : 1; // ascending first; the best of a maximized objective is last
  for (let i = 0; i < clicks; i++) {
    const sorted = sweep.direction === 'maximize' && i === 1 ? 'descending' : 'ascending';
    await page.click('#trials-table th button[data-sort="value"]');
    await page.waitForSelector(`#trials-table th[aria-sort="${sorted}"] button[data-sort="value"]`);
  }
  assert.equal(Number(await attribute(page, '#trials-table tbody tr', 'data-trial')), sweep.best.number);

  await page.selectOption('#trial-state', 'Pruned');
  await page.waitForFunction(() => [...document.querySelectorAll('#trials-table tbody tr td:nth-child(2)')].every((td) => td.innerText.trim() === 'Pruned'));
  assert.equal(await page.locator('#trials-table tbody tr').count(), sweep.trials.pruned);
  await close(opened);
});

test('a finished sweep page stops refreshing', async () => {
  const opened = await open(`/sweeps/${sweepId}`, 'svg[data-chart="progress"]');
  const { page } = opened;
  await page.waitForLoadState('networkidle');
  let calls = 0;
  page.on('request', (request) => { if (new URL(request.url()).pathname.startsWith('/api/')) calls++; });
  await page.waitForTimeout(4000);
  assert.equal(calls, 0, 'the page of a completed sweep still polls the API');
  await close(opened);
});

test('the trial page shows its runs, parameters and curve, and links to its sweep and its Hangfire job', async () => {
  const sweep = await api(`/api/sweeps/${sweepId}`);
  const trial = await api(`/api/sweeps/${sweepId}/trials/${sweep.best.number}`);
  const opened = await open(`/sweeps/${sweepId}/trials/${sweep.best.number}`, '#runs-table tbody tr');
  const { page } = opened;
  const workers = await page.$$eval('#runs-table tbody tr td:first-child', (cells) => cells.map((c) => c.innerText.trim()));
  assert.deepEqual(workers, trial.runs.map((r) => r.worker));
  assert.equal(await page.locator('#params-table tbody tr').count(), Object.keys(trial.params).length);
  assert.equal(Number(await attribute(page, 'svg[data-chart="curves"]', 'data-points')), 1);
  assert.equal(await target(page, '#sweep-link'), `/sweeps/${sweepId}`);
  assert.ok(trial.hangfireJobId, 'the trial has no Hangfire job');
  assert.equal(await target(page, '#hangfire-link'), `/hangfire/jobs/details/${trial.hangfireJobId}`);
  await screenshot(page, 'trial');
  await close(opened);

  // The preempted trial: each run says how it ended and where the next one resumed.
  const resumed = await api(`/api/sweeps/${sweepId}/trials/${preemptedTrial}`);
  const again = await open(`/sweeps/${sweepId}/trials/${preemptedTrial}`, '#runs-table tbody tr');
  const rows = await again.page.$$eval('#runs-table tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((td) => td.innerText.trim())));
  assert.equal(rows.length, resumed.runs.length);
  assert.ok(resumed.runs.length >= 2, `trial ${preemptedTrial} has ${resumed.runs.length} run(s)`);
  assert.match(rows[0][5], /^Preempted/);
  assert.equal(rows[1][3], `epoch ${resumed.runs[1].resumedEpoch}, batch ${resumed.runs[1].resumedBatch}`);
  await screenshot(again.page, 'trial-preempted');
  await close(again);
});

test('the schedule and model pages show the run, the champion and the promotion decision', async () => {
  const schedules = await open('/schedules', `#schedules-table a[href="schedules/${scheduleName}"]`);
  await screenshot(schedules.page, 'schedules');
  await close(schedules);

  const schedule = await open(`/schedules/${scheduleName}`, '#decisions-table tbody tr');
  assert.equal(await schedule.page.locator(`#runs-table a[href="sweeps/${sweepId}"]`).count(), 1);
  assert.equal(await schedule.page.locator('#champion-download').count(), 1);
  await screenshot(schedule.page, 'schedule');
  await close(schedule);

  const models = await open('/models', `#models-table a[href="models/${modelName}"]`);
  await screenshot(models.page, 'models');
  await close(models);

  const model = await api(`/api/models/${modelName}`);
  const opened = await open(`/models/${modelName}`, '#decisions-table tbody tr');
  const { page } = opened;
  assert.equal(await page.locator('#decisions-table tbody tr').count(), model.decisions.length);
  assert.match(await page.locator('#decisions-table tbody tr').first().innerText(), new RegExp(model.decisions[0].outcome));
  assert.equal(await target(page, '#champion-download'), new URL(model.champion.downloadUrl, base).pathname);
  await screenshot(page, 'model');
  await close(opened);
});

test('a running sweep\'s page redraws as its trials complete, without a reload, and stops when it ends', async () => {
  // The cluster's worker is idle once the sweep above has ended: a small second sweep runs while the page is open.
  const definition = [
    'name: pages-live',
    'workload: { kind: synthetic, max_epochs: 3, function: branin, step_seconds: 0.4 }',
    'objective: { metric: val_loss }',
    'space: { x0: { type: float, low: -5, high: 10 }, x1: { type: float, low: 0, high: 15 } }',
    'sampler: { kind: random, seed: 5 }',
    'budget: { max_trials: 4, parallelism: 1 }',
  ].join('\n');
  const id = await submit(definition);
  const opened = await open(`/sweeps/${id}`, 'svg[data-chart="progress"]');
  const { page } = opened;
  await page.evaluate(() => { window.sameDocument = true; });
  const points = () => page.$eval('svg[data-chart="progress"]', (chart) => Number(chart.dataset.points));
  const first = await points();
  assert.ok(first < 4, `the page opened after the whole sweep had run (${first} points)`);
  await page.waitForFunction(() => document.querySelector('h1 .badge')?.textContent === 'Completed', null, { timeout: 90_000 });
  await page.waitForFunction(() => document.querySelector('svg[data-chart="progress"]')?.dataset.points === '4');
  assert.equal(await page.evaluate(() => window.sameDocument), true, 'the page reloaded instead of redrawing');
  await page.waitForFunction(() => document.querySelectorAll('#trials-table tbody tr').length === 4);
  await close(opened);
});

test('on a running sweep, read sees no Cancel button and its POST is refused (403); submit cancels it from the page', async () => {
  const definition = [
    'name: pages-cancel',
    'workload: { kind: synthetic, max_epochs: 20, function: branin, step_seconds: 0.5 }',
    'objective: { metric: val_loss }',
    'space: { x0: { type: float, low: -5, high: 10 }, x1: { type: float, low: 0, high: 15 } }',
    'budget: { max_trials: 3, parallelism: 1 }',
  ].join('\n');
  const id = await submit(definition);
  // As read: the summary is drawn once the session is known, and has no button; the page's own token does not help.
  const watching = await open(`/sweeps/${id}`, 'h1 .badge');
  await watching.page.waitForFunction(() => document.querySelector('h1 .badge')?.textContent === 'Running', null, { timeout: 30_000 });
  assert.equal(await watching.page.locator('#cancel-sweep').count(), 0, 'the read role is offered Cancel sweep');
  const refused = await watching.page.evaluate(async (path) => {
    const viewer = await (await fetch('api/session')).json();
    const response = await fetch(path, { method: 'POST', headers: { 'X-CSRF-TOKEN': viewer.csrfToken } });
    return { canSubmit: viewer.canSubmit, status: response.status, body: await response.text() };
  }, `api/sweeps/${id}/cancel`);
  assert.equal(refused.canSubmit, false);
  assert.equal(refused.status, 403, refused.body);
  assert.equal((await api(`/api/sweeps/${id}`)).state, 'Running');
  await close(watching, [/403/]);

  // As submit: the button, and the sweep cancels.
  const submitter = await signedIn(keys.submit);
  const opened = await open(`/sweeps/${id}`, '#cancel-sweep', { as: submitter });
  const { page } = opened;
  page.once('dialog', (dialog) => dialog.accept());
  await page.click('#cancel-sweep');
  await page.waitForFunction(() => ['Cancelling', 'Cancelled'].includes(document.querySelector('h1 .badge')?.textContent), null, { timeout: 30_000 });
  assert.ok(['Cancelling', 'Cancelled'].includes((await api(`/api/sweeps/${id}`)).state));
  assert.equal(await page.locator('#cancel-sweep').count(), 0, 'a cancelled sweep still offers to cancel');
  await close(opened);
  await submitter.close();
});

test('the pages\' files come from the tuner executable with their content type, nosniff and an ETag that answers 304', async () => {
  const expected = { '/assets/tuner.css': 'text/css', '/assets/js/sweep.js': 'text/javascript', '/assets/js/charts.js': 'text/javascript', '/assets/favicon.svg': 'image/svg+xml', '/sweeps': 'text/html' };
  for (const [file, type] of Object.entries(expected)) {
    const response = await fetch(`${base}${file}`, { headers: bearer(keys.read) });
    assert.equal(response.status, 200, file);
    assert.equal(response.headers.get('content-type').split(';')[0], type, file);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', file);
    const etag = response.headers.get('etag');
    assert.match(etag ?? '', /^"[0-9a-f]+"$/, file);
    const again = await fetch(`${base}${file}`, { headers: { 'If-None-Match': etag, ...bearer(keys.read) } });
    assert.equal(again.status, 304, file);
  }
  assert.equal((await fetch(`${base}/assets/js/none.js`, { headers: bearer(keys.read) })).status, 404);
});

test('a sweep that does not exist shows one line saying so, not a blank page', async () => {
  const page = await context.newPage();
  await page.goto(`${base}/sweeps/987654321`);
  await page.waitForSelector('#status:not([hidden])');
  assert.match(await page.locator('#status').innerText(), /404/);
  await page.close();
});

test('the Hangfire dashboard\'s Sweeps entry leads to the sweeps page', async () => {
  const page = await context.newPage();
  await page.goto(`${base}/hangfire`);
  await page.getByRole('link', { name: 'Sweeps', exact: true }).first().click();
  await page.waitForURL(/\/sweeps$/);
  await page.waitForSelector('#sweeps-table');
  await page.close();
});

test('without a session, every page and its files redirect to sign in, and the API answers 401', async () => {
  for (const relative of ['/', '/sweeps', `/sweeps/${sweepId}`, `/sweeps/${sweepId}/trials/1`, '/schedules', `/schedules/${scheduleName}`,
    '/models', `/models/${modelName}`, '/assets/js/sweep.js', '/assets/tuner.css', '/hangfire']) {
    const response = await fetch(`${base}${relative}`, { redirect: 'manual' });
    assert.equal(response.status, 302, relative);
    assert.equal(new URL(response.headers.get('location'), base).pathname, '/signin', relative);
  }
  assert.equal((await fetch(`${base}/api/sweeps/${sweepId}`)).status, 401);
});

test('an anonymous browser lands on sign-in, a wrong key is refused on the form, and the right one leads back to the page', async () => {
  const anonymous = await browser.newContext({ viewport });
  const page = await anonymous.newPage();
  await page.goto(`${base}/sweeps/${sweepId}`);
  assert.equal(new URL(page.url()).pathname, '/signin');
  assert.equal(new URL(page.url()).searchParams.get('ReturnUrl'), `/sweeps/${sweepId}`);
  await screenshot(page, 'signin');

  const wrong = keys.read.slice(0, -4) + (keys.read.endsWith('AAAA') ? 'BBBB' : 'AAAA');
  await page.fill('#key', wrong);
  const [refused] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('button[type="submit"]')]);
  assert.equal(refused.status(), 401);
  assert.match(await page.locator('.problem').innerText(), /That key is not valid/);

  await page.fill('#key', keys.read);
  await Promise.all([page.waitForURL(`${base}/sweeps/${sweepId}`), page.click('button[type="submit"]')]);
  await page.waitForSelector('svg[data-chart="progress"]');
  await anonymous.close();
});

test('the header names who is signed in; Sign out returns to sign-in, and the next read of a page still open goes there', async () => {
  const viewer = await api('/api/session');
  const mine = await signedIn(keys.read); // a context of its own: signing out leaves the other tests' signed in
  const sweepPage = await mine.newPage();
  await sweepPage.goto(`${base}/sweeps/${sweepId}`);
  await sweepPage.waitForSelector('#trials-table tbody tr');
  const list = await mine.newPage();
  await list.goto(`${base}/sweeps`);
  await list.waitForSelector('#viewer');
  assert.equal(await list.locator('#viewer .name').innerText(), viewer.name);
  assert.equal(await list.locator('#viewer .role').innerText(), 'read');
  assert.ok(viewer.name.length > 0 && viewer.role === 'read', JSON.stringify(viewer));

  await Promise.all([list.waitForURL(`${base}/signin`), list.click('#sign-out')]);
  await list.waitForSelector('#key');

  // The sweep page is still open; sorting its table reads the API again, which now answers 401: it goes to sign in.
  await Promise.all([
    sweepPage.waitForURL((url) => url.pathname === '/signin'),
    sweepPage.click('#trials-table th button[data-sort="value"]'),
  ]);
  assert.equal(new URL(sweepPage.url()).searchParams.get('ReturnUrl'), `/sweeps/${sweepId}`);
  await mine.close();
});

test('the Hangfire job page offers Requeue and Delete to admin, and not to read', async () => {
  const sweep = await api(`/api/sweeps/${sweepId}`);
  const { hangfireJobId } = await api(`/api/sweeps/${sweepId}/trials/${sweep.best.number}`);
  const actions = async (as) => {
    const page = await as.newPage();
    const response = await page.goto(`${base}/hangfire/jobs/details/${hangfireJobId}`);
    assert.equal(response.status(), 200);
    await page.waitForSelector('h1.page-header');
    const count = (action) => page.locator(`button[data-ajax*="/jobs/actions/${action}/"]`).count();
    const found = { requeue: await count('requeue'), delete: await count('delete') };
    await page.close();
    return found;
  };
  assert.deepEqual(await actions(context), { requeue: 0, delete: 0 });
  const admin = await signedIn(keys.admin);
  assert.deepEqual(await actions(admin), { requeue: 1, delete: 1 });
  await admin.close();
});
