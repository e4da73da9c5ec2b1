import type { BBox, Category, TerritoryUnit } from '../api';
import { onLang, t, tFill, tKey } from '../i18n';
import { wallFocus, type FocusKind, type WallFocus } from '../wallFocusApi';
import { el } from './dom';
import { categoryName, since, unitName } from './format';

/** The district between two items: long enough to read the whole wall, short enough that a visitor sees a tour. */
export const FOCUS_REST_MS = 20_000;
/** Zoomed on one item: enough to find it on the map and read its line from across the room. */
export const FOCUS_HOLD_MS = 8_000;

const ORDER: FocusKind[] = ['overdue', 'unclear', 'coverage'];
/** A point (an incident) or a small finding is shown with about this much around it, in degrees (~250 m). */
const MIN_HALF_SPAN = 0.0025;

export interface FocusState {
  /** The item the map is zoomed on, or null while it shows the district. */
  active: FocusKind | null;
  /**
   * Each zoom the panel made since the page opened, in order: kind, the item's code or key, and once the zoom's
   * animation ended, the width of the map's view then as a share of the district's view (null while it runs, or if
   * the tour went on before it ended).
   */
  visits: { kind: FocusKind; key: string; reachedShare?: number | null }[];
  items: Record<FocusKind, string | null>;
}

const keyOf = (focus: WallFocus, kind: FocusKind): string | null => {
  const item = focus[kind];
  if (!item) return null;
  return 'key' in item ? item.key : item.code;
};

const padded = (b: BBox): BBox => {
  const [x, y] = [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
  const hx = Math.max(MIN_HALF_SPAN, (b[2] - b[0]) / 2), hy = Math.max(MIN_HALF_SPAN, (b[3] - b[1]) / 2);
  return [x - hx, y - hy, x + hx, y + hy];
};

/**
 * The wall's focus panel (重点关注): with nobody touching the wall, it takes the room through what needs looking at
 * now — the most overdue incident, the newest ownership-unclear finding, the grid with the worst patrol coverage
 * (GET /api/wall/focus, read again before each zoom) — zooming the map to each in turn for FOCUS_HOLD_MS and back to
 * the district for FOCUS_REST_MS. An item the district does not have (nothing overdue) is skipped; its row says so.
 * `tour` false (the wall's ?tour=off) keeps the rows but never zooms. The active row is lit. data-testid="focus-panel", data-active="overdue|unclear|coverage|" for tests.
 */
export function focusPanel(categories: Category[], units: TerritoryUnit[], map: { zoomTo(bbox: BBox): Promise<number | null>; home(): void }, tour = true) {
  const title = el('div', { class: 'panel-title' });
  const list = el('ol', { class: 'focus-items' });
  const box = el('section', { class: 'focus-panel', 'data-testid': 'focus-panel', 'data-active': '' }, title, list);
  let focus: WallFocus = { overdue: null, unclear: null, coverage: null };
  let active: FocusKind | null = null;
  const visits: FocusState['visits'] = [];

  const line = (kind: FocusKind): string => {
    if (kind === 'overdue' && focus.overdue) {
      const i = focus.overdue;
      return [i.code, categoryName(categories, i.category), tKey('stage_', i.stage),
        i.stageDueAt ? tFill('overdueBy', { d: since(i.stageDueAt) }) : '', i.place?.name ?? ''].filter(Boolean).join(' · ');
    }
    if (kind === 'unclear' && focus.unclear) {
      const f = focus.unclear;
      return [tKey('findingKind_', f.kind), f.units.slice(0, 2).map((c) => unitName(units, c)).join(' / '),
        tFill('focusSeen', { d: since(f.firstSeenAt) })].filter(Boolean).join(' · ');
    }
    if (kind === 'coverage' && focus.coverage) {
      const g = focus.coverage;
      return tFill('focusCoverageLine', { name: g.name, share: Math.floor(g.share * 100), visited: g.visited, total: g.total });
    }
    return t(`focusNone_${kind}`);
  };

  const render = () => {
    title.textContent = t('focusTitle');
    box.dataset.active = active ?? '';
    list.replaceChildren(...ORDER.map((kind) => el('li', {
      class: `focus-item${kind === active ? ' active' : ''}${focus[kind] ? '' : ' none'}`, 'data-kind': kind,
    }, el('div', { class: 'fc-kind' }, t(`focus_${kind}`)), el('div', { class: 'fc-line' }, line(kind)))));
  };

  const load = async () => {
    try { focus = await wallFocus(); } catch (e) { console.warn('wall focus: keeping the last items', e); }
    render();
  };

  // The tour keeps the wall clock's time: each period of REST + HOLD ms since the epoch rests on the district, then
  // zooms to the item of its slot (the next one there is), so every screen of a video wall, each its own browser,
  // zooms at the same moment to the same item (their clocks are synchronised; their data comes from one server).
  const period = FOCUS_REST_MS + FOCUS_HOLD_MS;
  const zoom = async () => {
    await load();
    const slot = Math.floor(Date.now() / period);
    const kinds = ORDER.map((_, i) => ORDER[(slot + i) % ORDER.length]);
    const kind = kinds.find((k) => focus[k]);
    const item = kind ? focus[kind] : null;
    if (kind && item) {
      active = kind;
      const visit: FocusState['visits'][number] = { kind, key: keyOf(focus, kind)! };
      visits.push(visit);
      render();
      void map.zoomTo(padded(item.bbox)).then((share) => { visit.reachedShare = share; });
    }
    schedule();
  };
  const rest = () => {
    if (active) { active = null; render(); map.home(); }
    schedule();
  };
  const schedule = () => {
    // Without the tour (?tour=off: a screen that must keep the whole district) the rows are still read each period.
    if (!tour) { setTimeout(() => void load().then(schedule), period); return; }
    const into = (Date.now() + 5) % period; // a timer that fires a few ms early is in the phase it was set for
    if (into < FOCUS_REST_MS) setTimeout(() => void zoom(), FOCUS_REST_MS - into);
    else setTimeout(rest, period - into);
  };

  onLang(render);
  void load();
  schedule();
  return {
    element: box,
    state: (): FocusState => ({ active, visits: visits.map((v) => ({ ...v })), items: { overdue: keyOf(focus, 'overdue'), unclear: keyOf(focus, 'unclear'), coverage: keyOf(focus, 'coverage') } }),
  };
}
