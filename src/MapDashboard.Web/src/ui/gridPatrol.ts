import { patrolApi, type CoverageWindow, type GridCoverage } from '../patrolApi';
import { onLang, t, tKey } from '../i18n';
import { el, fmt } from './dom';
import { errorText } from './errorText';
import { dateTime, percent } from './format';

const WINDOWS: CoverageWindow[] = ['today', '24h', '7d'];

/**
 * The patrol part of a grid's card on /lead (GET /api/grids/{code}/coverage?window=): share
 * of the grid's area covered, buildings and hazards visited of all, what nobody visited,
 * hazards due for a revisit, and each worker's distance and time INSIDE this grid (beside their whole walk), for today,
 * the last 24 h or the last 7 days. data-testid: grid-patrol, patrol-window-<w>,
 * patrol-area-share, patrol-buildings, patrol-hazards, patrol-unvisited, patrol-revisit,
 * patrol-workers.
 */
export function gridPatrol(onShown: (c: GridCoverage | null) => void = () => {}) {
  const element = el('section', { class: 'grid-patrol', 'data-testid': 'grid-patrol' });
  let grid: string | null = null;
  let window: CoverageWindow = 'today';
  let coverage: GridCoverage | null = null;
  let failed = '';

  const stat = (testid: string, value: string, label: string) =>
    el('div', { class: 'kv' }, el('div', { class: 'kv-value', 'data-testid': testid }, value), el('div', { class: 'kv-label' }, label));

  function render() {
    const switcher = el('div', { class: 'window-switch', role: 'group' }, ...WINDOWS.map((w) => {
      const b = el('button', { type: 'button', class: w === window ? 'active' : '', 'data-testid': `patrol-window-${w}` }, tKey('window_', w));
      b.addEventListener('click', () => void load(w));
      return b;
    }));
    const head = el('div', { class: 'patrol-head' }, el('h3', {}, t('patrolTitle')), switcher);
    const c = coverage;
    if (!c) { element.replaceChildren(head, el('div', { class: 'muted' }, failed ? `${t('loadFailed')}: ${failed}` : t('loading'))); return; }
    element.dataset.window = c.window;
    element.replaceChildren(
      head,
      el('div', { class: 'kv-grid three' },
        stat('patrol-area-share', percent(c.areaShare), t('areaCovered')),
        stat('patrol-buildings', `${fmt(c.buildings.visited)}/${fmt(c.buildings.total)}`, t('buildingsVisited')),
        stat('patrol-hazards', `${fmt(c.hazards.visited)}/${fmt(c.hazards.total)}`, t('hazardsVisited'))),
      el('div', { class: 'muted small' }, t('windowCoverageNote')),
      el('h4', {}, `${t('workersInGrid')} (${c.workers.length})`),
      c.workers.length
        ? el('table', { class: 'patrol-workers', 'data-testid': 'patrol-workers' },
            el('tr', {}, el('th', {}, t('worker')), el('th', {}, t('inGridDistance')), el('th', {}, t('inGridTime')), el('th', {}, t('wholeWalk'))),
            ...c.workers.map((w) => el('tr', { 'data-code': w.code },
              el('td', {}, w.name ?? w.code),
              el('td', { 'data-testid': 'in-grid-metres', 'data-value': String(w.metresInGrid) }, `${fmt(Math.round(w.metresInGrid))} ${t('metres')}`),
              el('td', { 'data-testid': 'in-grid-minutes', 'data-value': String(w.minutesInGrid) }, `${fmt(Math.round(w.minutesInGrid))} ${t('minutes')}`),
              el('td', { class: 'muted', 'data-testid': 'whole-walk' },
                `${fmt(Math.round(w.metres))} ${t('metres')} · ${fmt(Math.round(w.minutesTotal))} ${t('minutes')}`))))
        : el('div', { class: 'muted', 'data-testid': 'patrol-workers' }, t('noPatrols')),
      el('h4', {}, `${t('revisitDue')} (${c.revisitDue.length})`),
      el('ul', { class: 'stop-list', 'data-testid': 'patrol-revisit' }, ...c.revisitDue.map((r) => el('li', { 'data-code': r.code },
        el('span', { class: 'stop-kind hazard' }, tKey('stopKind_', 'hazard')), el('span', {}, r.name || r.code),
        el('span', { class: 'when' }, `${t('dueAt')} ${dateTime(r.dueAt)}`)))),
      el('details', {}, el('summary', {}, `${t('unvisited')} (${c.unvisited.length})`),
        el('ul', { class: 'stop-list', 'data-testid': 'patrol-unvisited' }, ...c.unvisited.map((u) => el('li', { 'data-code': u.code },
          el('span', { class: `stop-kind ${u.kind}` }, tKey('stopKind_', u.kind)), el('span', {}, u.name || u.code))))),
    );
  }
  onLang(render);

  async function load(w: CoverageWindow = window) {
    const code = grid;
    if (!code) return;
    window = w;
    failed = '';
    render();
    try {
      const c = await patrolApi.coverage(code, w);
      if (grid === code && window === w) { coverage = c; onShown(c); }
    } catch (e) {
      failed = errorText(e, { 404: 'errGridNotFound' });
    }
    render();
  }

  return {
    element,
    /** Shows (or reloads) a grid's patrol coverage in the current window. */
    show(code: string) { if (code !== grid) { coverage = null; onShown(null); } grid = code; return load(); },
    hide() { grid = null; coverage = null; onShown(null); },
    current: () => coverage,
  };
}
