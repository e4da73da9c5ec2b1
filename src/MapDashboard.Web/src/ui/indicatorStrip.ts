import { api, type Indicators } from '../api';
import { onLang, t, tFill, type StringKey } from '../i18n';
import { el, fmt } from './dom';
import { percent } from './format';

type Value = number | null;
type Metric = { key: string; label: StringKey; rate: boolean; alarm?: boolean; value: (d: Indicators) => Value; sub?: (d: Indicators) => string };

// Each rate says which set and period it is over (the glossary defines them): all over the incidents reported in the
// last 30 days, satisfaction over the closed ones of them. Patrol coverage stands beside the incident figures.
const METRICS: Metric[] = [
  { key: 'reportedToday', label: 'indReportedToday', rate: false, value: (d) => d.reportedToday },
  { key: 'open', label: 'indOpen', rate: false, value: (d) => d.open },
  { key: 'overdue', label: 'indOverdue', rate: false, alarm: true, value: (d) => d.overdue },
  { key: 'closureRate', label: 'indClosureRate', rate: true, value: (d) => d.closureRate, sub: (d) => tFill('indPeriodOf', { n: fmt(d.reported30d) }) },
  { key: 'onTimeClosureRate', label: 'indOnTime', rate: true, value: (d) => d.onTimeClosureRate, sub: (d) => tFill('indPeriodOf', { n: fmt(d.reported30d) }) },
  { key: 'satisfactionRate', label: 'indSatisfaction', rate: true, value: (d) => d.satisfactionRate,
    sub: (d) => tFill('indRatedOf', { n: fmt(d.rated30d), closed: fmt(d.closed30d) }) },
  { key: 'patrolCoverage', label: 'indCoverage', rate: true, value: (d) => d.patrolCoverage.share,
    sub: (d) => d.patrolCoverage.young ? t('indCoverageYoung')
      : tFill('indCoverageSub', { visited: fmt(d.patrolCoverage.visited), total: fmt(d.patrolCoverage.total) }) },
];

/**
 * A unit's indicators (GET /api/indicators/{unit}): counts and rates, each cell data-testid="ind-<key>" with the raw
 * value in data-value ('' for null) and, for a rate, the set it is over in .ind-sub. Coverage younger than its 24 h
 * window is marked (data-young) and says so instead of the count. `load()` refetches.
 */
export function indicatorStrip(unit: string, className = 'indicator-strip') {
  const box = el('div', { class: className, 'data-testid': 'indicators' });
  let data: Indicators | null = null;
  const render = () => box.replaceChildren(...METRICS.map((m) => {
    const v = data ? m.value(data) : null;
    const shown = !data ? '—' : m.rate ? percent(v) : fmt(v ?? 0);
    const alarm = m.alarm && (v ?? 0) > 0 ? ' alarm' : '';
    const young = m.key === 'patrolCoverage' && data?.patrolCoverage.young ? ' young' : '';
    return el('div', { class: `ind${alarm}${young}`, 'data-testid': `ind-${m.key}`, 'data-value': v == null ? '' : String(v), 'data-young': young ? 'true' : 'false' },
      el('div', { class: 'ind-value' }, shown), el('div', { class: 'ind-label' }, t(m.label)),
      ...(data && m.sub ? [el('div', { class: 'ind-sub' }, m.sub(data))] : []));
  }));
  onLang(render);
  return {
    element: box,
    async load() { data = await api.indicators(unit); render(); },
  };
}
