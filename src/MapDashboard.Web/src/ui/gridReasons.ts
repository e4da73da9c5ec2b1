import type { GridReason, GridStatus, TerritoryUnit } from '../api';
import { onLang, t, tFill, tKey, type StringKey } from '../i18n';
import { css, type Palette } from '../theme';
import { el, fmt } from './dom';

/** The note that coverage is too young to colour: it colours nothing, so it is counted apart from the colours. */
export const YOUNG = 'coverage_young';

/** One reason in the reader's language, with its figure and threshold: "3 个超期事件（≥ 1 个即红）". */
export const reasonText = (r: GridReason): string =>
  tFill(`reason_${r.rule}` as StringKey, { value: fmt(r.value), threshold: fmt(r.threshold) });

/** The reasons of a grid's colour as a list (data-testid grid-reasons, each li data-rule); blue with none says so. */
export function reasonList(reasons: GridReason[]): HTMLElement {
  return reasons.length
    ? el('ul', { class: 'grid-reasons', 'data-testid': 'grid-reasons' },
        ...reasons.map((r) => el('li', { 'data-rule': r.rule, class: r.rule === YOUNG ? 'note' : '' }, reasonText(r))))
    : el('div', { class: 'grid-reasons none muted small', 'data-testid': 'grid-reasons' }, t('reasonNone'));
}

const SHOWN_KINDS = new Set(['community_grid', 'dedicated_grid']);

/** What a grid's count by reason reads of it. */
export type ColouredGrid = Pick<TerritoryUnit, 'code' | 'kind' | 'status' | 'reasons'>;

/**
 * The wall's tooltip-free answer to "why": per colour, how many grids and how many for each reason ("红 5：超期 3 ·
 * 覆盖不足 2"; a grid red for two reasons counts under both), and how many grids coverage is too young to colour.
 * Counts the same grids as the headline numbers (community and dedicated grids), kept current by the live feed.
 * The community and street overview counts its own grids with it (`reset`, all three colours, its own testid).
 * data-testid legend-reasons, one row per colour (data-status) with a span per reason (data-rule, data-count).
 */
export function reasonCounts(p: Palette, units: ColouredGrid[],
  { statuses = ['red', 'yellow'] as GridStatus[], testid = 'legend-reasons' } = {}) {
  const grids = new Map<string, { status: GridStatus; reasons: GridReason[] }>();
  const box = el('div', { class: 'legend-reasons', 'data-testid': testid });
  function reset(list: ColouredGrid[]) {
    grids.clear();
    for (const u of list) if (SHOWN_KINDS.has(u.kind)) grids.set(u.code, { status: u.status, reasons: u.reasons ?? [] });
  }
  reset(units);
  function render() {
    const rows = statuses.map((status) => {
      const of = [...grids.values()].filter((g) => g.status === status);
      const byRule = new Map<string, number>();
      for (const g of of) for (const r of g.reasons) if (r.rule !== YOUNG) byRule.set(r.rule, (byRule.get(r.rule) ?? 0) + 1);
      return el('div', { class: 'legend-reason-row', 'data-status': status, 'data-count': String(of.length) },
        el('span', { class: 'swatch', style: `background:${css(p.gridFill[status])};border:2px solid ${p.gridStroke[status]}` }),
        el('span', { class: 'reason-total' }, `${tKey('statusShort_', status)} ${fmt(of.length)}`),
        ...[...byRule].sort((a, b) => b[1] - a[1]).map(([rule, n], i) =>
          el('span', { class: 'reason-count', 'data-rule': rule, 'data-count': String(n) }, `${i === 0 ? t('reasonsColon') : ' · '}${tKey('reasonShort_', rule)} ${fmt(n)}`)));
    });
    const young = [...grids.values()].filter((g) => g.reasons.some((r) => r.rule === YOUNG)).length;
    const note = el('div', { class: 'legend-young', 'data-testid': 'legend-young', 'data-count': String(young) }, tFill('legendYoung', { n: fmt(young) }));
    box.replaceChildren(...rows, ...(young ? [note] : []));
  }
  onLang(render);
  return {
    element: box,
    /** A grid's new colour and reasons from the live feed; other kinds of unit are not counted. */
    set(code: string, kind: string, status: GridStatus, reasons: GridReason[] | undefined) {
      if (!SHOWN_KINDS.has(kind)) return;
      grids.set(code, { status, reasons: reasons ?? [] });
      render();
    },
    /** Counts these grids instead (another unit's overview). */
    reset(list: ColouredGrid[]) { reset(list); render(); },
  };
}
