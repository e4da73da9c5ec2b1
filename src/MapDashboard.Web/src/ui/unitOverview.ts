import type { Category, UnitOverview } from '../api';
import { onLang, t, tKey, type StringKey } from '../i18n';
import { light } from '../theme';
import { el, fmt } from './dom';
import { reasonCounts } from './gridReasons';
import { categoryName, dateTime, percent } from './format';
import { exportLinks } from './exportLinks';

export type OverviewIncident = UnitOverview['openIncidents'][number];

/**
 * A community's or street's overview card on /lead (GET /api/territory/{code}/overview), where a grid's card would
 * be: its totals — grids by colour, open and overdue incidents, patrol coverage, findings by kind, grid workers on
 * patrol now — and its open incidents with what happened, where (grid, building), stage and due time. Names first,
 * codes only as secondary text. A click on an incident row hands it to `onLocate` (the map goes there).
 * data-testid: unit-overview, overview-name, overview-reasons (rows by colour: data-status, data-count; reasons:
 * data-rule, data-count), overview-{open,overdue,coverage,workers,findings}, overview-incidents (rows carry data-code).
 */
export function unitOverview(categories: Category[], onClose: () => void, onLocate: (i: OverviewIncident) => void) {
  const box = el('aside', { class: 'grid-panel unit-overview', 'data-testid': 'unit-overview', hidden: '' });
  let current: UnitOverview | null = null;
  let located: string | null = null;

  const figure = (label: StringKey, value: string, testid: string, note?: string) =>
    el('div', { class: 'kv' },
      el('div', { class: 'kv-value', 'data-testid': testid }, value),
      el('div', { class: 'kv-label' }, t(label)),
      note ? el('div', { class: 'kv-note' }, note) : null);

  // Grids by colour with their reasons, counted by the wall legend's code (a grid red for two reasons counts under both).
  const colours = reasonCounts(light, [], { statuses: ['red', 'yellow', 'blue'], testid: 'overview-reasons' });

  function incidentRow(i: OverviewIncident): HTMLElement {
    const place = [i.grid?.name, i.building?.name].filter(Boolean).join(' · ');
    const due = i.overdue ? t('indOverdue') : i.stageDueAt ? `${t('dueAt')} ${dateTime(i.stageDueAt)}` : '';
    const li = el('li', { 'data-code': i.code, class: located === i.code ? 'open' : '' },
      el('div', { class: 'inc-row' },
        el('span', { class: 'inc-stage' }, tKey('stage_', i.stage)),
        el('span', { class: 'inc-desc' }, i.description || categoryName(categories, i.category)),
        i.overdue ? el('span', { class: 'inc-overdue' }, t('indOverdue')) : null),
      el('div', { class: 'inc-place' }, place || t('placeUnknown')),
      el('div', { class: 'inc-code' }, [categoryName(categories, i.category), i.overdue ? null : due, i.code].filter(Boolean).join(' · ')));
    li.addEventListener('click', () => { located = i.code; render(); onLocate(i); });
    return li;
  }

  function render() {
    if (!current) { box.hidden = true; return; }
    const o = current;
    const close = el('button', { class: 'close', type: 'button', title: t('close') }, '×');
    close.addEventListener('click', onClose);
    const coverage = o.coverage.share == null ? '—' : percent(o.coverage.share);
    const coverageNote = o.coverage.tracked ? `${fmt(o.coverage.visited)} / ${fmt(o.coverage.assets)} ${t('overviewVisited')}` : t('overviewNotTracked');
    box.replaceChildren(
      el('div', { class: 'grid-panel-head' },
        el('div', {},
          el('h2', { 'data-testid': 'overview-name' }, o.name),
          el('div', { class: 'crumbs' }, [o.parent?.name, `${tKey('kind_', o.kind)} ${o.code}`].filter(Boolean).join(' › '))),
        close),
      el('h3', {}, `${t('overviewGrids')} (${fmt(o.grids.total)})`),
      colours.element,
      el('div', { class: 'kv-grid' },
        figure('openIncidents', fmt(o.incidents.open), 'overview-open'),
        figure('indOverdue', fmt(o.incidents.overdue), 'overview-overdue'),
        figure('overviewCoverage', coverage, 'overview-coverage', coverageNote),
        figure('overviewOnPatrol', `${fmt(o.workers.onPatrol)} / ${fmt(o.workers.total)}`, 'overview-workers')),
      el('h3', {}, `${t('findingsTitle')} (${fmt(o.findings.total)})`),
      o.findings.byKind.length
        ? el('ul', { class: 'finding-kinds', 'data-testid': 'overview-findings' }, ...o.findings.byKind.map((k) =>
            el('li', { 'data-kind': k.kind }, el('span', { class: 'hatch-chip' }), el('span', {}, tKey('findingKind_', k.kind)),
              el('strong', {}, fmt(k.count)))))
        : el('div', { class: 'muted', 'data-testid': 'overview-findings' }, t('findingsNone')),
      el('h3', {}, `${t('openIncidents')} (${fmt(o.incidents.open)})`),
      el('ul', { class: 'incident-list overview-incidents', 'data-testid': 'overview-incidents' },
        ...(o.openIncidents.length ? o.openIncidents.map(incidentRow) : [el('li', { class: 'muted' }, t('noOpenIncidents'))])),
      exportLinks(o.code));
    box.dataset.code = o.code;
    box.hidden = false;
  }
  onLang(render);

  return {
    element: box,
    show(o: UnitOverview) { if (o.code !== current?.code) located = null; current = o; colours.reset(o.grids.list); render(); },
    hide() { current = null; located = null; render(); },
    current: () => current?.code ?? null,
    located: () => located,
  };
}
