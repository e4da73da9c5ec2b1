import type { Category, TerritoryUnit } from '../api';
import type { IncidentEvent } from '../live/incidentEvents';
import { onLang, t, tKey } from '../i18n';
import { el } from './dom';
import { categoryName, hourMinute, unitName } from './format';

/** Lines the feed keeps: what came in lately, not a log (the desk's lists hold the rest). */
export const FEED_LENGTH = 8;

/**
 * The wall's feed of what just happened (最新动态): new reports and stage changes as the live hub brings them,
 * newest on top, at most FEED_LENGTH lines — time (the district's), what happened (新上报 or the stage now),
 * category and place. Nothing personal: the wall's account receives none, and the feed shows no description.
 * A line that just came in is lit for a few seconds (CSS), so a glance from across the room sees that something did.
 */
export function wallFeed(categories: Category[], units: TerritoryUnit[]) {
  const list = el('ol', { class: 'feed-items' });
  const title = el('div', { class: 'panel-title' });
  const box = el('section', { class: 'wall-feed', 'data-testid': 'wall-feed' }, title, list);
  let events: IncidentEvent[] = [];
  // Rows are kept per event, so a new line is the only element created (and lit) when one arrives.
  let rows = new WeakMap<IncidentEvent, HTMLLIElement>();

  const row = (e: IncidentEvent, fresh: boolean) => el('li',
    { class: `feed-item ${e.kind}${fresh ? ' fresh' : ''}`, 'data-code': e.code, 'data-kind': e.kind, 'data-stage': e.stage },
    el('span', { class: 'fi-time' }, hourMinute(new Date(e.at))),
    el('span', { class: 'fi-what' }, e.kind === 'reported' ? t('feedReported') : tKey('stage_', e.stage)),
    el('span', { class: 'fi-cat' }, categoryName(categories, e.category)),
    el('span', { class: 'fi-place' }, unitName(units, e.place)));

  const render = (fresh: IncidentEvent | null) => {
    title.textContent = t('feedTitle');
    if (!events.length) { list.replaceChildren(el('li', { class: 'muted none' }, t('feedNone'))); return; }
    list.replaceChildren(...events.map((e) => {
      let r = rows.get(e);
      if (!r) rows.set(e, r = row(e, e === fresh));
      return r;
    }));
  };
  onLang(() => { rows = new WeakMap(); render(null); });

  return {
    element: box,
    add(e: IncidentEvent) {
      // Newest first by when it happened: a replay after a reconnect brings older news late.
      events = [e, ...events].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, FEED_LENGTH);
      render(e);
    },
  };
}
