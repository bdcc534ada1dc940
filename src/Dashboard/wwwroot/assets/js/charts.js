// Tuner's charts, drawn by hand in SVG.
//
// Why no chart library: the sweep page needs parallel coordinates and a timeline of runs per worker, which line-chart
// libraries such as uPlot do not draw, and the server already downsamples every series (contract: at most a few
// thousand points a chart), so a few hundred lines of SVG cover every panel without a dependency to bundle and pin.
//
// Every chart marks what it drew, for people (a tooltip on each mark: its data-tip) and for the browser tests: the <svg> has
// data-chart (its name) and data-points (how many things it drew: points, curves, lines, bars or runs), and each mark
// the trial it belongs to (data-trial, the trial's number).
import { svg, el, num } from './dom.js';

const WIDTH = 640;
const MARGIN = { left: 58, right: 18, top: 24, bottom: 38 };

// ---- scales and axes ----

function niceTicks(min, max, count) {
  const span = max - min;
  if (!(span > 0)) return [min];
  let step = 10 ** Math.floor(Math.log10(span / count));
  const error = (count / span) * step;
  if (error <= 0.15) step *= 10;
  else if (error <= 0.35) step *= 5;
  else if (error <= 0.75) step *= 2;
  const ticks = [];
  for (let tick = Math.ceil(min / step) * step; tick <= max + step * 1e-9; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return ticks;
}

function padded([min, max]) {
  if (min === max) return [min - (Math.abs(min) || 1) * 0.1, max + (Math.abs(max) || 1) * 0.1];
  const pad = (max - min) * 0.05;
  return [min - pad, max + pad];
}

function extent(values) {
  let min = Infinity;
  let max = -Infinity;
  for (const value of values) {
    if (value === null || value === undefined || Number.isNaN(value)) continue;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return min <= max ? [min, max] : [0, 1];
}

function linear([d0, d1], [r0, r1]) {
  const scale = (value) => (d1 === d0 ? (r0 + r1) / 2 : r0 + ((value - d0) / (d1 - d0)) * (r1 - r0));
  scale.ticks = (count) => niceTicks(Math.min(d0, d1), Math.max(d0, d1), count);
  return scale;
}

function logarithmic([d0, d1], [r0, r1]) {
  const [l0, l1] = [Math.log10(d0), Math.log10(d1)];
  const scale = (value) => (l1 === l0 ? (r0 + r1) / 2 : r0 + ((Math.log10(value) - l0) / (l1 - l0)) * (r1 - r0));
  scale.ticks = () => {
    const ticks = [];
    for (let power = Math.ceil(l0); power <= Math.floor(l1); power++) ticks.push(10 ** power);
    return ticks.length >= 2 ? ticks : [d0, d1];
  };
  return scale;
}

const timeFormat = (span) => (ms) => {
  const date = new Date(ms);
  return span > 2 * 86400e3
    ? date.toLocaleDateString('en-GB', { month: 'short', day: '2-digit' })
    : date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: span < 600e3 ? '2-digit' : undefined });
};

function xAxis(scale, y, format, label, [left, right], integers = false) {
  return svg('g', { class: 'axis' },
    svg('line', { x1: left, x2: right, y1: y, y2: y }),
    scale.ticks(6).filter((tick) => !integers || Number.isInteger(tick)).map((tick) => svg('g', {},
      svg('line', { x1: scale(tick), x2: scale(tick), y1: y, y2: y + 4 }),
      svg('text', { x: scale(tick), y: y + 16, 'text-anchor': 'middle', text: format(tick) }))),
    svg('text', { class: 'axis-label', x: right, y: y + 32, 'text-anchor': 'end', text: label }));
}

function yAxis(scale, x, format, label, [top, bottom], width) {
  return svg('g', { class: 'axis' },
    svg('line', { x1: x, x2: x, y1: top, y2: bottom }),
    scale.ticks(5).map((tick) => svg('g', {},
      svg('line', { class: 'grid', x1: x, x2: x + width, y1: scale(tick), y2: scale(tick) }),
      svg('text', { x: x - 6, y: scale(tick) + 4, 'text-anchor': 'end', text: format(tick) }))),
    svg('text', { class: 'axis-label', x: 8, y: top - 12, text: label }));
}

/** An <svg> of the given height that scales to its container's width. */
function frame(name, count, height, ...children) {
  return svg('svg', {
    class: 'chart', viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'data-chart': name, 'data-points': count,
    preserveAspectRatio: 'xMidYMid meet',
  }, ...children);
}

const empty = (name, message) =>
  frame(name, 0, 80, svg('text', { class: 'empty', x: WIDTH / 2, y: 44, 'text-anchor': 'middle', text: message }));

// One tooltip for every chart: a mark carries its text in data-tip, and the tooltip follows the pointer over it. A
// <title> element per mark did the same through the browser, at a DOM node a mark: at 50,000 trials the sweep page
// drew 6,000 of them, half its nodes.
let tooltip = null;
function showTip(event) {
  const mark = event.target.closest?.('svg.chart [data-tip]');
  if (!mark) {
    if (tooltip) tooltip.hidden = true;
    return;
  }
  if (!tooltip) tooltip = document.body.appendChild(el('div', { class: 'chart-tip', role: 'tooltip' }));
  tooltip.textContent = mark.dataset.tip;
  tooltip.hidden = false;
  tooltip.style.left = `${Math.min(event.clientX + 12, window.innerWidth - tooltip.offsetWidth - 4)}px`;
  tooltip.style.top = `${event.clientY + 14}px`;
}
document.addEventListener('pointermove', showTip, { passive: true });
document.addEventListener('pointerleave', () => { if (tooltip) tooltip.hidden = true; });

/** 0 for the worst value, 1 for the best, by the objective's direction. */
function goodness(values, direction) {
  const [min, max] = extent(values);
  return (value) => {
    if (max === min) return 1;
    const t = (value - min) / (max - min);
    return direction === 'maximize' ? t : 1 - t;
  };
}

// From pale yellow (worst) through teal to deep blue (best): readable on white, and in grey as light to dark.
const STOPS = [[240, 200, 60], [40, 160, 140], [30, 50, 140]];
export function valueColour(t) {
  const position = Math.max(0, Math.min(1, t)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(position));
  const f = position - i;
  const mix = STOPS[i].map((c, k) => Math.round(c + (STOPS[i + 1][k] - c) * f));
  return `rgb(${mix.join(',')})`;
}

function bestByNumber(points, direction) {
  const better = direction === 'maximize' ? Math.max : Math.min;
  let best = null;
  return points.toSorted((a, b) => a.number - b.number).map((p) => {
    best = best === null ? p.value : better(best, p.value);
    return { ...p, bestSoFar: best };
  });
}

/** The values between the 5th and 95th percentiles (all of them when there are fewer than 10). */
function centralValues(values) {
  if (values.length < 10) return values;
  const sorted = values.toSorted((a, b) => a - b);
  const at = (q) => sorted[Math.round(q * (sorted.length - 1))];
  return [at(0.05), at(0.95)];
}

// ---- the charts ----

/**
 * Every complete trial's value as a dot and the best value so far as a step line, against the trial number
 * (by = 'number', data-chart="progress") or the time it ended (by = 'time', data-chart="progress-time").
 */
export function progressChart({ points: ended, direction, objective }, by) {
  const name = by === 'time' ? 'progress-time' : 'progress';
  if (!ended.length) return empty(name, 'No complete trial yet.');
  // The server gives the best so far in the order trials ended; against trial number (a trial may end after later
  // ones, e.g. when it was preempted) it is the best among the trials numbered up to each (of those shown, when sampled).
  const points = by === 'time' ? ended : bestByNumber(ended, direction);
  const height = 260;
  const [left, right, top, bottom] = [MARGIN.left, WIDTH - MARGIN.right, MARGIN.top, height - MARGIN.bottom];
  const xOf = by === 'time' ? (p) => Date.parse(p.endedAt) : (p) => p.number;
  const xs = points.map(xOf);
  const x = linear(padded(extent(xs)), [left, right]);
  // The scale covers the best-so-far line and nine values in ten: a few far-off trials would otherwise flatten the line
  // that matters. The values beyond it are drawn hollow at its edge.
  const [low, high] = padded(extent([...points.map((p) => p.bestSoFar), ...centralValues(points.map((p) => p.value))]));
  const y = linear([low, high], [bottom, top]);
  const clamp = (value) => Math.min(high, Math.max(low, value));
  const [x0, x1] = extent(xs);
  const format = by === 'time' ? timeFormat(x1 - x0) : num;
  let line = '';
  points.forEach((p, i) => {
    line += i === 0 ? `M${x(xs[i])},${y(p.bestSoFar)}` : `H${x(xs[i])}V${y(p.bestSoFar)}`;
  });
  return frame(name, points.length, height,
    yAxis(y, left, num, objective, [top, bottom], right - left),
    xAxis(x, bottom, format, by === 'time' ? 'ended at' : 'trial number', [left, right], by !== 'time'),
    svg('g', { class: 'dots' }, points.map((p, i) => svg('circle', {
      cx: x(xs[i]), cy: y(clamp(p.value)), r: 3, class: clamp(p.value) === p.value ? null : 'off-scale', 'data-trial': p.number,
      'data-tip': `trial ${p.number}: ${num(p.value)}${clamp(p.value) === p.value ? '' : ' (off the scale)'}`,
    }))),
    svg('path', { class: 'best-line', d: line, 'data-tip': `best so far (${direction}): ${num(points.at(-1).bestSoFar)}` }));
}

/** The learning curves: one path per trial; a pruned trial's ends with a cross at its prune step. */
export function curvesChart({ curves, metric }) {
  const drawn = curves.filter((c) => c.points.length);
  if (!drawn.length) return empty('curves', 'No trial has reported yet.');
  const height = 300;
  const [left, right, top, bottom] = [MARGIN.left, WIDTH - MARGIN.right, MARGIN.top, height - MARGIN.bottom];
  const x = linear(padded(extent(drawn.flatMap((c) => c.points.map((p) => p[0])))), [left, right]);
  const y = linear(padded(extent(drawn.flatMap((c) => c.points.map((p) => p[1])))), [bottom, top]);
  const paths = drawn.map((curve) => {
    // A curve of one report is a dot: a zero-length segment drawn with round caps.
    const d = curve.points.map(([step, value], i) => `${i ? 'L' : 'M'}${x(step)},${y(value)}`).join('') + (curve.points.length === 1 ? 'h0.01' : '');
    const [lastStep, lastValue] = curve.points.at(-1);
    const state = String(curve.state).toLowerCase();
    const path = svg('path', { class: `curve state-${state}${curve.points.length === 1 ? ' single' : ''}`, d, 'data-trial': curve.number, 'data-state': curve.state, 'data-last-step': lastStep,
      'data-tip': `trial ${curve.number} (${curve.state}): ${num(curve.value)}` });
    if (curve.state !== 'Pruned') return path;
    const [cx, cy] = [x(lastStep), y(lastValue)];
    return [path, svg('path', {
      class: 'pruned-marker', d: `M${cx - 4},${cy - 4}L${cx + 4},${cy + 4}M${cx - 4},${cy + 4}L${cx + 4},${cy - 4}`,
      'data-trial': curve.number, 'data-pruned-step': curve.prunedAtStep ?? lastStep,
      'data-tip': `trial ${curve.number} pruned at step ${curve.prunedAtStep ?? lastStep}`,
    })];
  });
  return frame('curves', drawn.length, height,
    yAxis(y, left, num, metric, [top, bottom], right - left),
    xAxis(x, bottom, num, 'epoch', [left, right], true),
    svg('g', { class: 'curves' }, paths.flat()));
}

function parameterAxis(parameter, rows, [top, bottom]) {
  if (parameter.type === 'categorical') {
    const choices = (parameter.choices ?? [...new Set(rows.map((r) => r.params[parameter.name]))]).map(String);
    const step = choices.length > 1 ? (bottom - top) / (choices.length - 1) : 0;
    const at = (value) => {
      const index = choices.indexOf(String(value));
      return index < 0 ? null : choices.length > 1 ? bottom - index * step : (top + bottom) / 2;
    };
    return { at, ticks: choices.map((choice) => [at(choice), choice]) };
  }
  const values = rows.map((r) => r.params[parameter.name]).filter((v) => typeof v === 'number');
  const [low, high] = [parameter.low ?? extent(values)[0], parameter.high ?? extent(values)[1]];
  const scale = parameter.log && low > 0 ? logarithmic([low, high], [bottom, top]) : linear([low, high], [bottom, top]);
  const at = (value) => (typeof value === 'number' ? scale(value) : null);
  return { at, ticks: [low, high].map((v) => [scale(v), num(v)]) };
}

/** Parallel coordinates: an axis per parameter and one for the objective, one line per complete trial, coloured by value. */
export function parallelChart({ parameters, rows, objective, direction }) {
  if (!rows.length) return empty('parallel', 'No complete trial yet.');
  const gap = (WIDTH - 80) / Math.max(1, parameters.length);
  // Axis names alternate between two lines when the axes are close, so neighbours' names do not run together.
  const stagger = gap < 110;
  const height = stagger ? 314 : 300;
  const [top, bottom] = [MARGIN.top + (stagger ? 28 : 14), height - MARGIN.bottom + 6];
  const values = rows.map((r) => r.value);
  const objectiveAxis = { at: linear(padded(extent(values)), [bottom, top]) };
  objectiveAxis.ticks = objectiveAxis.at.ticks(4).map((v) => [objectiveAxis.at(v), num(v)]);
  const axes = [
    ...parameters.map((p) => ({ name: p.name, ...parameterAxis(p, rows, [top, bottom]), value: (r) => r.params[p.name] })),
    { name: objective, ...objectiveAxis, value: (r) => r.value, objective: true },
  ];
  const xOf = (i) => 40 + i * gap;
  const good = goodness(values, direction);
  // The best lines last, so they are drawn on top.
  const ordered = [...rows].sort((a, b) => good(a.value) - good(b.value));
  const lines = ordered.map((row) => {
    let d = '';
    let drawing = false;
    axes.forEach((axis, i) => {
      const y = axis.at(axis.value(row));
      if (y === null || Number.isNaN(y)) {
        drawing = false; // a conditional parameter this trial did not have: the line breaks there
        return;
      }
      d += `${drawing ? 'L' : 'M'}${xOf(i)},${y}`;
      drawing = true;
    });
    return svg('path', { class: 'pc-line', d, stroke: valueColour(good(row.value)), 'data-trial': row.number, 'data-tip': `trial ${row.number}: ${num(row.value)}` });
  });
  return frame('parallel', rows.length, height,
    svg('g', { class: 'pc-lines' }, lines),
    axes.map((axis, i) => svg('g', { class: axis.objective ? 'axis pc-axis objective' : 'axis pc-axis' },
      svg('line', { x1: xOf(i), x2: xOf(i), y1: top, y2: bottom }),
      svg('text', { class: 'axis-label', x: xOf(i), y: top - 8 - (stagger && i % 2 === 1 ? 14 : 0), 'text-anchor': 'middle', text: axis.name, 'data-tip': axis.name }),
      axis.ticks.map(([y, label]) => svg('text', { x: xOf(i) + 4, y: y + 4, text: label })))));
}

/** Horizontal bars: one per item ({ label, value, text, key }), longest first as given. */
export function barsChart(name, items, { attribute = 'data-name' } = {}) {
  if (!items.length) return empty(name, 'Nothing to show yet.');
  const row = 24;
  const height = items.length * row + 12;
  const labelWidth = 170;
  const max = Math.max(...items.map((i) => i.value), 0);
  const width = WIDTH - labelWidth - 90;
  return frame(name, items.length, height, items.map((item, i) => {
    const y = 6 + i * row;
    const length = max > 0 ? (item.value / max) * width : 0;
    return svg('g', { class: `bar ${item.className ?? ''}`, [attribute]: item.key ?? item.label, 'data-tip': `${item.label}: ${item.text}` },
      svg('text', { x: labelWidth - 8, y: y + 15, 'text-anchor': 'end', text: item.label }),
      svg('rect', { x: labelWidth, y: y + 3, width: Math.max(length, 1), height: row - 8 }),
      svg('text', { class: 'bar-value', x: labelWidth + Math.max(length, 1) + 6, y: y + 15, text: item.text }));
  }));
}

const OUTCOME_MARK = { Preempted: 'preempted', Lost: 'lost', Interrupted: 'interrupted' };

/** Runs per worker against time: a bar per run coloured by how it ended; preemptions and resumptions marked. */
export function timelineChart({ from, to, workers }) {
  const runs = workers.flatMap((w) => w.runs);
  if (!runs.length) return empty('timeline', 'No run yet.');
  const row = 26;
  const labelWidth = 120;
  const top = 8;
  const height = top + workers.length * row + 40;
  const now = Date.now();
  const start = Date.parse(from ?? runs[0].startedAt);
  const end = to ? Date.parse(to) : now;
  const [left, right] = [labelWidth, WIDTH - MARGIN.right];
  const x = linear([start, Math.max(end, start + 1000)], [left, right]);
  const bottom = top + workers.length * row;
  return frame('timeline', runs.length, height,
    xAxis(x, bottom + 4, timeFormat(end - start), 'time', [left, right]),
    workers.map((worker, w) => {
      const y = top + w * row;
      const label = worker.worker.length > 16 ? worker.worker.slice(0, 15) + '…' : worker.worker;
      return svg('g', { class: 'worker', 'data-worker': worker.worker },
        svg('text', { class: 'worker-label', x: left - 8, y: y + 16, 'text-anchor': 'end', text: label, 'data-tip': worker.worker }),
        worker.runs.map((run) => {
          const [x0, x1] = [x(Date.parse(run.startedAt)), x(run.endedAt ? Date.parse(run.endedAt) : end)];
          const outcome = String(run.outcome).toLowerCase();
          const marks = [svg('rect', {
            class: `run outcome-${outcome}`, x: x0, y: y + 4, width: Math.max(x1 - x0, 2), height: row - 8,
            'data-trial': run.number, 'data-outcome': run.outcome,
            'data-tip': `trial ${run.number} on ${worker.worker}: ${run.outcome}${run.resumedEpoch > 0 ? `, resumed at epoch ${run.resumedEpoch}` : ''}${run.endReason ? ` (${run.endReason})` : ''}`,
          })];
          if (run.resumedEpoch > 0) {
            marks.push(svg('circle', { class: 'resumed-marker', cx: x0, cy: y + row / 2, r: 4, 'data-trial': run.number, 'data-resumed-epoch': run.resumedEpoch,
              'data-tip': `trial ${run.number} resumed from epoch ${run.resumedEpoch}` }));
          }
          if (OUTCOME_MARK[run.outcome]) {
            marks.push(svg('path', { class: `${OUTCOME_MARK[run.outcome]}-marker`, d: `M${x1 - 5},${y + 1}L${x1 + 5},${y + 1}L${x1},${y + 9}Z`, 'data-trial': run.number,
              'data-tip': `trial ${run.number}: ${run.outcome}${run.endReason ? ` (${run.endReason})` : ''}` }));
          }
          return marks;
        }));
    }));
}

/** A legend: swatches with the CSS class of what they stand for. */
export const legend = (entries) =>
  el('ul', { class: 'legend' }, entries.map(([className, label]) => el('li', {}, el('span', { class: `swatch ${className}` }), label)));
