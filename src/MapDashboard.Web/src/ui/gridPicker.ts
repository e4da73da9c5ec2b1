import type { TerritoryUnit } from '../api';
import { onLang, t, text } from '../i18n';
import { el } from './dom';

const PICKABLE = new Set(['community_grid', 'dedicated_grid']);

/**
 * The grid the planner works on: "from the route" (the server infers the grid holding most
 * of the line) or one chosen grid, which the analysis measures and the suggestion plans for.
 * data-testid: plan-grid.
 */
export function gridPicker(units: TerritoryUnit[], onPick: (code: string | null) => void) {
  const grids = units.filter((u) => PICKABLE.has(u.kind)).sort((a, b) => a.code.localeCompare(b.code));
  const select = el('select', { class: 'field', 'data-testid': 'plan-grid' });
  onLang(() => {
    const chosen = select.value;
    select.replaceChildren(el('option', { value: '' }, t('gridFromRoute')), ...grids.map((g) => el('option', { value: g.code }, `${g.name} · ${g.code}`)));
    select.value = chosen;
  });
  select.addEventListener('change', () => onPick(select.value || null));
  return {
    element: el('label', { class: 'form-row' }, text('span', 'grid', 'form-label'), select),
    value: () => select.value || null,
  };
}
