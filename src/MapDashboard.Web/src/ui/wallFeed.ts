import type { Category, TerritoryUnit } from '../api';
import type { IncidentEvent } from '../live/incidentEvents';
import { onLang, t, tKey } from '../i18n';
import { el } from './dom';
import { categoryName, hourMinute, unitName } from './format';

/** Lines the feed keeps: what came in lately, not a log (the desk's lists hold the rest). */
export const FEED_LENGTH = 8;

/** One event, however it arrived: the same report or step from the server's history and from the hub is one line. */
const sameEvent = (a: IncidentEvent, b: IncidentEvent) => a.code === b.code && a.kind === b.kind && a.stage === b.stage;

/**
 * The wall's feed of what just happened (最新动态): at start the latest events from the server's stage history
 * (`fill`, GET /api/incidents/feed), then new reports and stage changes as the live hub brings them (`add`),
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

  // Newest first by when it happened: a replay after a reconnect, or the history read at start, brings older news late.
  const merge = (more: IncidentEvent[]) => {
    const added = more.filter((e, i) => !events.some((x) => sameEvent(x, e)) && !more.slice(0, i).some((x) => sameEvent(x, e)));
    events = [...added, ...events].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, FEED_LENGTH);
    return added;
  };

  return {
    element: box,
    /** A live event; one already shown (read at start, or replayed) is not shown twice. */
    add(e: IncidentEvent) {
      if (merge([e]).length) render(e);
    },
    /** The latest events read at start, merged with whatever the hub brought meanwhile; not lit (nothing just came in). */
    fill(latest: IncidentEvent[]) {
      merge(latest);
      render(null);
    },
  };
}
