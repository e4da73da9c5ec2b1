import type { GridStatus, TerritoryUnit } from '../api';
import { onLang, t, tKey } from '../i18n';
import { css, type Palette } from '../theme';
import { el, fmt } from './dom';

const SHOWN_KINDS = new Set(['community_grid', 'dedicated_grid']);

// The wall's headline numbers: how many grids are red, yellow, blue right now. Kept
// current by the live feed (setStatus), so they never disagree with the map below.
export function gridStats(p: Palette, units: TerritoryUnit[]) {
  const statusOf = new Map(units.filter((u) => SHOWN_KINDS.has(u.kind)).map((u) => [u.code, u.status]));
  const count = (s: GridStatus) => [...statusOf.values()].filter((v) => v === s).length;
  const box = el('div', { class: 'grid-stats', 'data-testid': 'grid-stats' });
  const render = () => box.replaceChildren(
    el('div', { class: 'stat total' }, el('div', { class: 'stat-value' }, fmt(statusOf.size)), el('div', { class: 'stat-label' }, t('gridCount'))),
    ...(['red', 'yellow', 'blue'] as const).map((s) => el('div', { class: `stat ${s}`, style: `--c:${p.gridStroke[s]};--bg:${css(p.gridFill[s])}` },
      el('div', { class: 'stat-value' }, fmt(count(s))), el('div', { class: 'stat-label' }, tKey('statusShort_', s)))),
  );
  onLang(render);
  return {
    element: box,
    /** A grid's new status from the live feed; other kinds of unit are not counted. */
    setStatus(code: string, kind: string, status: GridStatus) {
      if (!SHOWN_KINDS.has(kind) || statusOf.get(code) === status) return;
      statusOf.set(code, status);
      render();
    },
  };
}
