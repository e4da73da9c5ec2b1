import LineString from 'ol/geom/LineString';
import { getLength } from 'ol/sphere';
import { fromLonLat } from 'ol/proj';
import type { RouteFeature } from '../patrolApi';
import { onLang, t, tFill } from '../i18n';
import { el, fmt } from './dom';

/** Geodesic length of a saved route (the live feed's copy carries no `metres`). */
const lengthOf = (r: RouteFeature) => r.properties.metres ?? getLength(new LineString(r.geometry.coordinates.map((c) => fromLonLat(c))));

/**
 * The saved routes of the chosen day (GET /api/routes?date=, then live upserts and deletes
 * from the hub's "routes" layer). A click loads a route for editing; its Compare button shows
 * planned vs walked. data-testid: saved-routes, each li[data-id], compare-route.
 */
export function savedRouteList(o: { workerName(code: string | null): string; onPick(r: RouteFeature): void; onCompare(r: RouteFeature): void }) {
  const heading = el('h2', { class: 'panel-heading' });
  const list = el('ul', { class: 'saved-routes', 'data-testid': 'saved-routes' });
  const element = el('section', { class: 'saved-route-section' }, heading, list);
  const routes = new Map<number, RouteFeature>();
  let day = '';
  let selected: number | null = null;

  function render() {
    heading.textContent = tFill('savedRoutesOn', { date: day });
    const rows = [...routes.values()].sort((a, b) => a.properties.name.localeCompare(b.properties.name, 'zh-CN') || a.id - b.id);
    list.replaceChildren(...(rows.length ? rows.map((r) => {
      const compare = el('button', { class: 'btn tiny', type: 'button', 'data-testid': 'compare-route', title: t('compareTitle') }, t('compare'));
      compare.addEventListener('click', (e) => { e.stopPropagation(); o.onCompare(r); });
      const li = el('li', { 'data-id': String(r.id), class: r.id === selected ? 'selected' : '' },
        el('div', { class: 'sr-main' },
          el('div', { class: 'sr-name' }, r.properties.name),
          el('div', { class: 'sr-meta' }, `${o.workerName(r.properties.worker)} · ${r.properties.grid ?? '—'} · ${fmt(Math.round(lengthOf(r)))} ${t('metres')}`)),
        compare);
      li.addEventListener('click', () => o.onPick(r));
      return li;
    }) : [el('li', { class: 'muted empty' }, t('noSavedRoutes'))]));
  }
  onLang(render);

  return {
    element,
    /** The day's routes as loaded; live changes arriving meanwhile are applied over them. */
    reset(date: string, list: RouteFeature[]) { day = date; routes.clear(); list.forEach((r) => routes.set(r.id, r)); render(); },
    /** An upsert: listed if it is planned for the shown day, else dropped from the list. */
    put(r: RouteFeature) {
      if (r.properties.plannedFor === day) routes.set(r.id, r); else routes.delete(r.id);
      render();
    },
    remove(id: number) { routes.delete(id); render(); },
    select(id: number | null) { selected = id; render(); },
    day: () => day,
    ids: () => [...routes.keys()],
    get: (id: number) => routes.get(id),
  };
}
