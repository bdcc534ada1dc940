// Building the pages' DOM from API data. Every piece of data becomes text through textContent or an attribute value:
// nothing the API returns is ever parsed as HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(element, attrs, children) {
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'text') element.textContent = String(value);
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** An HTML element: el('a', { href, text: name }) or el('p', {}, 'text', child). */
export const el = (tag, attrs, ...children) => build(document.createElement(tag), attrs, children);

/** An SVG element, as el. */
export const svg = (tag, attrs, ...children) => build(document.createElementNS(SVG_NS, tag), attrs, children);

/** Swaps a container's content in one step, so a refresh never shows it empty. */
export const fill = (container, ...nodes) => container.replaceChildren(...nodes.flat().filter((n) => n !== null && n !== undefined));

/** A number for people: up to 4 significant digits, no exponent for ordinary magnitudes. */
export function num(value) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (Number.isInteger(value) && Math.abs(value) < 1e9) return value.toLocaleString('en-US');
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e6)) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}

export const usd = (value) =>
  value === null || value === undefined ? '—' : '$' + Number(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: value < 1 ? 4 : 2 });

export function bytes(count) {
  if (count === null || count === undefined) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = count;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

export const percent = (fraction) => (fraction === null || fraction === undefined ? '—' : `${(fraction * 100).toFixed(1)}%`);

/** A UTC time as the browser's local date and time, to the second. */
export function time(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return date.toLocaleString('en-GB', { year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.round((seconds % 3600) / 60)} min`;
}

/** A parameter value or a set of them, compact: lr=0.01, optimizer=adam. */
export function params(values) {
  return Object.entries(values ?? {})
    .map(([name, value]) => `${name}=${typeof value === 'number' ? num(value) : String(value)}`)
    .join(', ');
}

/** A state as a coloured badge (the colour comes from the CSS class, the text is the state). */
export const badge = (state) => el('span', { class: `badge state-${String(state).toLowerCase()}`, text: state });

/** A two-column list of facts: [['Objective', 'val_loss'], ['Best', node]]. */
export const facts = (pairs) =>
  el('dl', { class: 'facts' }, pairs.filter(Boolean).map(([term, value]) => [el('dt', { text: term }), el('dd', {}, value ?? '—')]));

/** A table from column headings and rows of cells (text or nodes). */
export function table(headings, rows, attrs = {}) {
  return el('table', attrs,
    el('thead', {}, el('tr', {}, headings.map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, rows.map((cells) => el('tr', {}, cells.map((cell) => el('td', {}, cell ?? '—'))))));
}

/** A panel: a titled section whose body a page fills and refills. */
export function panel(title, attrs = {}) {
  const body = el('div', { class: 'panel-body' });
  const section = el('section', { class: 'panel', ...attrs }, el('h2', { text: title }), body);
  return { section, body };
}
