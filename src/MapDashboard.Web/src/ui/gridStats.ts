import type { TerritoryUnit } from '../api';
import { onLang, t, tKey } from '../i18n';
import { css, type Palette } from '../theme';
import { el, fmt } from './dom';

// The wall's headline numbers: how many grids are red, yellow, blue right now.
export function gridStats(p: Palette, units: TerritoryUnit[]): HTMLElement {
  const grids = units.filter((u) => u.kind === 'community_grid' || u.kind === 'dedicated_grid');
  const count = (s: string) => grids.filter((g) => g.status === s).length;
  const box = el('div', { class: 'grid-stats', 'data-testid': 'grid-stats' });
  onLang(() => box.replaceChildren(
    el('div', { class: 'stat total' }, el('div', { class: 'stat-value' }, fmt(grids.length)), el('div', { class: 'stat-label' }, t('gridCount'))),
    ...(['red', 'yellow', 'blue'] as const).map((s) => el('div', { class: `stat ${s}`, style: `--c:${p.gridStroke[s]};--bg:${css(p.gridFill[s])}` },
      el('div', { class: 'stat-value' }, fmt(count(s))), el('div', { class: 'stat-label' }, tKey('statusShort_', s)))),
  ));
  return box;
}
