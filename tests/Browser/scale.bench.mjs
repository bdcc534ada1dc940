// How fast Tuner's pages draw a sweep of 50,000 trials in a real browser (Debian's chromium through playwright-core),
// against a real `tuner server`. tests/Scheduler.EndToEnd.Tests/Pages/LargeSweepPageBenchmark.cs writes the sweep
// (tests/Support/Sweeps/LargeSweep.cs), starts the server and runs this file with node; it prints a table of figures.
// Timing goals live in this table (docs/benchmarks.md), not in assertions: what it asserts is that the pages drew the
// sweep's own data.
//
// Environment: TUNER_URL (the server), TUNER_SWEEP_ID (the large sweep), TUNER_TRIALS (how many trials it has),
// TUNER_BENCH_LOADS (loads of each page, the first one cold; 5 unless set), TUNER_BROWSER_TOOLS (where playwright-core
// is installed), TUNER_CHROMIUM.
//
// Each time is measured in the page (performance.now(), from its navigation's start), up to the DOM change that
// shows the panel drawn; the longest task is the longest main-thread task (PerformanceObserver 'longtask') from the
// navigation's start to that moment.
import assert from 'node:assert/strict';
import { env, launchChromium, serverUrl } from './chromium.mjs';

const base = serverUrl();
const sweepId = Number(env('TUNER_SWEEP_ID'));
const trialCount = Number(env('TUNER_TRIALS'));
const loads = Number(process.env.TUNER_BENCH_LOADS ?? 5);

async function api(relative) {
  const response = await fetch(`${base}${relative}`);
  assert.equal(response.status, 200, `GET ${relative} answered ${response.status}`);
  return response.json();
}

/**
 * Runs in the page before its own scripts: records every long task, and the moment (performance.now()) every selector
 * in `ready` first matches at once, in window.__bench.
 */
function instrument(ready) {
  const bench = { longest: 0, tasks: 0, readyAt: null, longestBeforeReady: null };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (bench.readyAt !== null && entry.startTime > bench.readyAt) continue;
      bench.tasks++;
      bench.longest = Math.max(bench.longest, entry.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    if (bench.readyAt === null && ready.every((selector) => document.querySelector(selector))) {
      bench.readyAt = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true });
}

/**
 * Opens `relative` in a new page and waits until every selector in `ready` matches; returns the page, the time from
 * navigation start to that moment and the longest task until then. Any console error, page error or failed request
 * fails the benchmark: a page that broke is not a page that drew fast.
 */
async function load(context, relative, ready) {
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} (${request.failure()?.errorText})`));
  page.on('response', (response) => { if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`); });
  await page.addInitScript(instrument, ready);
  await page.goto(`${base}${relative}`);
  await page.waitForFunction(() => window.__bench.readyAt !== null, null, { timeout: 60_000 });
  // A long task that started before the moment but ends after it is reported when it ends: let it be.
  await page.waitForTimeout(100);
  const { readyAt, longest } = await page.evaluate(() => window.__bench);
  assert.deepEqual(problems, [], `${relative} had errors:\n${problems.join('\n')}`);
  return { page, ms: readyAt, longest };
}

/** Clicks `click` and returns the milliseconds until `until` matches (measured in the page). */
const timeClick = (page, click, until) => page.evaluate(([click, until]) => new Promise((resolve) => {
  const start = performance.now();
  const observer = new MutationObserver(() => {
    if (document.querySelector(until)) {
      observer.disconnect();
      resolve(performance.now() - start);
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  document.querySelector(click).click();
}), [click, until]);

const attribute = (page, selector, name) => page.$eval(selector, (element, n) => element.getAttribute(n), name);
const CHARTS = ['progress', 'progress-time', 'curves', 'parallel', 'importance', 'timeline', 'cost'];

const sweep = await api(`/api/sweeps/${sweepId}`);
const counts = sweep.trials;
assert.equal(counts.complete + counts.pruned + counts.failed, trialCount, `the sweep's trials by state: ${JSON.stringify(counts)}`);
const [progress, curves, parameters, timeline, cost, bestPage, secondPage] = await Promise.all([
  api(`/api/sweeps/${sweepId}/progress?maxPoints=1000`),
  api(`/api/sweeps/${sweepId}/curves?maxTrials=200&maxPoints=200`),
  api(`/api/sweeps/${sweepId}/parameters?maxTrials=2000`),
  api(`/api/sweeps/${sweepId}/timeline?maxRuns=2000`),
  api(`/api/sweeps/${sweepId}/cost?trials=false`),
  api(`/api/sweeps/${sweepId}/trials/table?sort=value&limit=50`),
  api(`/api/sweeps/${sweepId}/trials/table?sort=value&offset=50&limit=50`),
]);
assert.equal(bestPage.items[0].number, sweep.best.number, 'the table sorted by value starts with the best trial');

const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
const figures = {};
const record = (name, value) => (figures[name] ??= []).push(value);
const reads = {};

for (let run = 0; run < loads; run++) {
  const sweepPage = await load(context, `/sweeps/${sweepId}`, ['body[data-ready]']);
  const { page } = sweepPage;
  // What was drawn is the sweep's: every chart with what its endpoint returned, 50,000 trials in the counts and the table.
  const drawn = Object.fromEntries(await Promise.all(CHARTS.map(async (chart) =>
    [chart, Number(await attribute(page, `svg[data-chart="${chart}"]`, 'data-points'))])));
  assert.equal(drawn.progress, progress.points.length, 'the progress chart draws what /progress returned');
  assert.equal(drawn['progress-time'], progress.points.length);
  assert.equal(progress.completeCount, counts.complete);
  assert.equal(drawn.curves, curves.curves.filter((c) => c.points.length).length);
  assert.equal(drawn.parallel, parameters.rows.length);
  assert.equal(drawn.importance, parameters.importance.values.length);
  assert.equal(drawn.timeline, timeline.shown);
  assert.equal(drawn.cost, cost.lines.filter((line) => line.usd > 0 || line.seconds > 0).length, JSON.stringify(cost.lines));
  assert.match(await page.locator('.summary').innerText(), new RegExp(`${counts.complete} complete · ${counts.pruned} pruned · ${counts.failed} failed`));
  assert.equal(await page.locator('#trials-table tbody tr').count(), 50);
  assert.match(await page.locator('#panel-trials .pager').innerText(), new RegExp(`1–50 of ${trialCount}`));
  record('sweep page: every panel drawn', sweepPage.ms);
  // Where the load's time went: each API read's start and end, from navigation start (Resource Timing).
  for (const read of await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((entry) => new URL(entry.name).pathname.includes('/api/'))
    .map((entry) => ({ path: new URL(entry.name).pathname.replace(/^.*\/api\//, 'api/'), start: entry.startTime, end: entry.responseEnd })))) {
    (reads[read.path] ??= []).push(read);
  }
  record('sweep page: longest task while loading', sweepPage.longest);

  // Sort by value (the best first), then the next page (the 51st best first).
  record('trials table: sort by value', await timeClick(page, '#trials-table th button[data-sort="value"]',
    `#trials-table:has(th[aria-sort="ascending"] button[data-sort="value"]) tbody tr:first-child[data-trial="${bestPage.items[0].number}"]`));
  record('trials table: next page', await timeClick(page, '#panel-trials .pager button:last-child',
    `#trials-table tbody tr:first-child[data-trial="${secondPage.items[0].number}"]`));
  await page.close();

  const list = await load(context, '/sweeps', [`#sweeps-table a[href="sweeps/${sweepId}"]`]);
  const row = list.page.locator('#sweeps-table tbody tr', { has: list.page.locator(`a[href="sweeps/${sweepId}"]`) });
  assert.match(await row.innerText(), new RegExp(`${counts.complete} complete`));
  record('sweeps list', list.ms);
  record('sweeps list: longest task', list.longest);
  await list.page.close();

  const trial = await load(context, `/sweeps/${sweepId}/trials/${sweep.best.number}`, ['#panel-curve svg[data-chart]', '#runs-table']);
  assert.equal(Number(await attribute(trial.page, '#panel-curve svg[data-chart]', 'data-points')), 1);
  record('trial page (the best trial)', trial.ms);
  record('trial page: longest task', trial.longest);
  await trial.page.close();
}
await browser.close();

const median = (values) => {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => `${Math.round(value)} ms`;
console.log(`Sweep ${sweepId}: ${trialCount} trials (${counts.complete} complete, ${counts.pruned} pruned, ${counts.failed} failed); ` +
  `${loads} loads of each page, the first cold (the server's first requests), in chromium at 1366×768.`);
console.log('| figure | first (cold) | median of the rest (warm) | max of the rest |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, values] of Object.entries(figures)) {
  const warm = values.slice(1);
  console.log(`| ${name} | ${ms(values[0])} | ${warm.length ? ms(median(warm)) : '—'} | ${warm.length ? ms(Math.max(...warm)) : '—'} |`);
}
console.log('');
console.log('The sweep page\'s API reads, from navigation start (warm loads: median start → median end):');
console.log('| read | start | end | took |');
console.log('| --- | ---: | ---: | ---: |');
for (const [read, times] of Object.entries(reads).toSorted(([, a], [, b]) => median(a.map((t) => t.start)) - median(b.map((t) => t.start)))) {
  const warm = times.slice(1);
  if (!warm.length) continue;
  console.log(`| ${read} | ${ms(median(warm.map((t) => t.start)))} | ${ms(median(warm.map((t) => t.end)))} | ${ms(median(warm.map((t) => t.end - t.start)))} |`);
}
