import { api, type Indicators } from '../api';
import { onLang, t, type StringKey } from '../i18n';
import { el, fmt } from './dom';
import { percent } from './format';

type Metric = { key: keyof Indicators; label: StringKey; rate: boolean; alarm?: boolean };
const METRICS: Metric[] = [
  { key: 'reportedToday', label: 'indReportedToday', rate: false },
  { key: 'open', label: 'indOpen', rate: false },
  { key: 'overdue', label: 'indOverdue', rate: false, alarm: true },
  { key: 'closureRate', label: 'indClosureRate', rate: true },
  { key: 'onTimeClosureRate', label: 'indOnTime', rate: true },
  { key: 'satisfactionRate', label: 'indSatisfaction', rate: true },
];

/**
 * A unit's incident indicators (GET /api/indicators/{unit}): counts and rates, each cell
 * data-testid="ind-<key>" with the raw value in data-value ('' for null). `load()` refetches.
 */
export function indicatorStrip(unit: string, className = 'indicator-strip') {
  const box = el('div', { class: className, 'data-testid': 'indicators' });
  let data: Indicators | null = null;
  const render = () => box.replaceChildren(...METRICS.map((m) => {
    const v = data ? (data[m.key] as number | null) : null;
    const shown = !data ? '—' : m.rate ? percent(v) : fmt(v ?? 0);
    const alarm = m.alarm && (v ?? 0) > 0 ? ' alarm' : '';
    return el('div', { class: `ind${alarm}`, 'data-testid': `ind-${m.key}`, 'data-value': v == null ? '' : String(v) },
      el('div', { class: 'ind-value' }, shown), el('div', { class: 'ind-label' }, t(m.label)));
  }));
  onLang(render);
  return {
    element: box,
    async load() { data = await api.indicators(unit); render(); },
  };
}
