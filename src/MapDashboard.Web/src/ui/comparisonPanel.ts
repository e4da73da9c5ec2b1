import type { RouteComparison } from '../patrolApi';
import { onLang, t, tFill, tKey, type StringKey } from '../i18n';
import { el, fmt } from './dom';
import { dateTime, percent } from './format';

/**
 * Planned vs walked for one saved route and day (GET /api/routes/{id}/comparison): the share
 * of the route followed within the visit radius, the stops skipped, each stop ticked or not — counting only walking
 * after the route was assigned (data-testid comparison-window says from when).
 * The map shows the same (layers/routeComparison.ts). data-testid: route-comparison,
 * followed-share, skipped-count, comparison-stops.
 */
export function comparisonPanel(onClose: () => void) {
  const element = el('section', { class: 'route-comparison', 'data-testid': 'route-comparison', hidden: '' });
  let shown: { c: RouteComparison; name: string } | null = null;

  function render() {
    if (!shown) { element.hidden = true; element.replaceChildren(); return; }
    const { c, name } = shown;
    const close = el('button', { class: 'close', type: 'button', title: t('close') }, '×');
    close.addEventListener('click', onClose);
    const swatch = (cls: string, key: StringKey) => el('span', { class: 'cmp-key' }, el('span', { class: `cmp-swatch ${cls}` }), t(key));
    element.replaceChildren(
      el('div', { class: 'cmp-head' }, el('h2', { class: 'panel-heading' }, `${t('plannedVsWalked')} · ${name}`), close),
      el('div', { class: 'muted small' }, `${c.date} · ${c.worker ?? t('unassigned')}`),
      ...(c.assignedAt ? [el('div', { class: 'muted small', 'data-testid': 'comparison-window' },
        tFill('comparisonWindow', { from: dateTime(c.from), assigned: dateTime(c.assignedAt) }))] : []),
      el('div', { class: 'metrics' },
        el('div', { class: 'metric' }, el('div', { class: 'metric-value', 'data-testid': 'followed-share' }, percent(c.followedShare)), el('div', { class: 'metric-label' }, t('followedShare'))),
        el('div', { class: 'metric' }, el('div', { class: 'metric-value', 'data-testid': 'skipped-count' }, fmt(c.skipped)), el('div', { class: 'metric-label' }, t('stopsSkipped')))),
      el('div', { class: 'muted small' }, `${fmt(Math.round(c.followedMetres))} / ${fmt(Math.round(c.routeMetres))} ${t('metres')} · ${t('visitRadius')} ${fmt(c.radiusMetres)} ${t('metres')}`),
      el('div', { class: 'cmp-legend' }, swatch('followed', 'cmpFollowed'), swatch('missed', 'cmpMissed'), swatch('walked', 'cmpWalked')),
      el('ul', { class: 'stop-list', 'data-testid': 'comparison-stops' }, ...c.stops.map((s) =>
        el('li', { 'data-code': s.code, class: s.visited ? 'visited' : 'skipped' },
          el('span', { class: 'tick' }, s.visited ? '✓' : '✗'),
          el('span', { class: `stop-kind ${s.kind}` }, tKey('stopKind_', s.kind)),
          el('span', {}, s.name || s.code),
          el('span', { class: 'when' }, s.visitedAt ? dateTime(s.visitedAt) : t('notVisited'))))),
    );
    element.hidden = false;
  }
  onLang(render);
  return {
    element,
    show(c: RouteComparison | null, name = '') { shown = c ? { c, name } : null; render(); },
    current: () => shown?.c ?? null,
  };
}
