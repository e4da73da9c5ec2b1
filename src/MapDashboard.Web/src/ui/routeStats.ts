import { onLang, t } from '../i18n';
import { el, fmt } from './dom';

// Walking pace of a patrolling grid worker, ~4.5 km/h: metres per minute.
const WALK_M_PER_MIN = 4500 / 60;

// Length and walking time of the draft route; empty ("—") until a line exists.
export function routeStats() {
  const length = el('div', { class: 'metric-value', id: 'route-length', 'data-testid': 'route-length' }, '—');
  const time = el('div', { class: 'metric-value', id: 'route-time', 'data-testid': 'route-time' }, '—');
  const lengthLabel = el('div', { class: 'metric-label' });
  const timeLabel = el('div', { class: 'metric-label' });
  let metres: number | null = null;
  const render = () => {
    lengthLabel.textContent = `${t('routeLength')} (${t('metres')})`;
    timeLabel.textContent = `${t('walkTime')} (${t('minutes')})`;
    length.textContent = metres == null ? '—' : fmt(Math.round(metres));
    time.textContent = metres == null ? '—' : fmt(Math.max(1, Math.round(metres / WALK_M_PER_MIN)));
    if (metres == null) delete length.dataset.metres; else length.dataset.metres = metres.toFixed(1);
  };
  onLang(render);
  return {
    element: el('div', { class: 'metrics' },
      el('div', { class: 'metric' }, length, lengthLabel),
      el('div', { class: 'metric' }, time, timeLabel)),
    set(m: number | null) { metres = m; render(); },
    metres: () => metres,
  };
}
