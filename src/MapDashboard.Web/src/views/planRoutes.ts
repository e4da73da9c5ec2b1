import type { MapContext } from '../map/createMap';
import type { ChangeItem } from '../live/protocol';
import { lineJson, patrolApi, type LonLat, type RouteFeature, type WorkerPosition } from '../patrolApi';
import { t, tFill } from '../i18n';
import { savedRoutesLayer } from '../layers/savedRoutes';
import { routeComparisonLayer } from '../layers/routeComparison';
import { routeForm } from '../ui/routeForm';
import { savedRouteList } from '../ui/savedRouteList';
import { comparisonPanel } from '../ui/comparisonPanel';
import { errorText } from '../ui/errorText';

/** A second click within this long confirms a delete (no modal dialog on a map desk). */
const CONFIRM_MS = 4_000;

/**
 * The saved-routes half of /plan: the form that saves the draft (POST, or PUT when a saved
 * route is loaded) and deletes it, the day's list kept live from the hub's "routes" layer,
 * the same routes on the map, and planned vs walked for one of them.
 */
export function planRoutes(ctx: MapContext, draft: {
  path(): LonLat[] | null;
  grid(): string | undefined;
  load(coords: LonLat[]): void;
  fit(): void;
}) {
  const { map } = ctx;
  const layer = savedRoutesLayer(ctx.palette);
  const compareLayer = routeComparisonLayer(ctx.palette);
  map.addLayer(layer.layer);
  map.addLayer(compareLayer.layer);
  let workers: WorkerPosition[] = [];
  const workerName = (code: string | null) => (code ? workers.find((w) => w.code === code)?.name ?? code : t('unassigned'));

  const form = routeForm({ onSave: () => void save(), onDelete: () => void remove(), onDate: (d) => void loadDay(d) });
  const comparison = comparisonPanel(() => { comparison.show(null); compareLayer.show(null); });
  const list = savedRouteList({ workerName, onPick: pick, onCompare: (r) => void compare(r) });

  // Live items that arrive while a day's list is loading are applied after it: the list
  // answer may predate them.
  let loading: ChangeItem[] | null = null;
  async function loadDay(date: string) {
    loading = [];
    try {
      const day = await patrolApi.routes(date);
      list.reset(date, day.features);
      layer.reset(day.features);
    } finally {
      const queued = loading ?? [];
      loading = null;
      queued.forEach(apply);
    }
  }

  function upsert(r: RouteFeature) {
    list.put(r);
    if (r.properties.plannedFor === list.day()) layer.put(r); else layer.remove(r.id);
  }
  function apply(item: ChangeItem) {
    if (item.op === 'delete' || !item.feature) {
      list.remove(item.id);
      layer.remove(item.id);
      if (form.editing() === item.id) { form.fill(null); form.say(t('routeDeletedElsewhere')); }
      return;
    }
    upsert({ ...(item.feature as unknown as RouteFeature), id: item.id });
  }

  function pick(r: RouteFeature) {
    draft.load(r.geometry.coordinates);
    form.fill(r);
    form.say('');
    list.select(r.id);
    draft.fit();
  }

  async function compare(r: RouteFeature) {
    pick(r);
    try {
      const c = await patrolApi.comparison(r.id);
      comparison.show(c, r.properties.name);
      compareLayer.show(c);
      comparison.element.scrollIntoView({ block: 'start' });
    } catch (e) {
      form.say(`${t('compareFailed')}: ${errorText(e)}`, 'error');
    }
  }

  async function save() {
    const path = draft.path();
    const v = form.values();
    if (!path) return form.say(t('drawFirst'), 'error');
    if (!v.name) return form.say(t('nameRequired'), 'error');
    const id = form.editing();
    form.busy(true);
    try {
      const body = { name: v.name, path: lineJson(path), grid: draft.grid(), worker: v.worker, plannedFor: v.plannedFor };
      const saved = id == null ? await patrolApi.createRoute(body) : await patrolApi.updateRoute(id, body);
      form.fill(saved);
      upsert(saved);
      list.select(saved.id);
      form.say(tFill('routeSaved', { name: saved.properties.name }), 'ok');
    } catch (e) {
      form.say(`${t('saveFailed')}: ${errorText(e)}`, 'error');
    } finally {
      form.busy(false);
    }
  }

  let armedAt = 0;
  async function remove() {
    const id = form.editing();
    if (id == null) return;
    if (Date.now() - armedAt > CONFIRM_MS) { armedAt = Date.now(); return form.say(t('confirmDelete'), 'error'); }
    armedAt = 0;
    form.busy(true);
    try {
      await patrolApi.deleteRoute(id);
      list.remove(id);
      layer.remove(id);
      form.fill(null);
      form.say(t('routeDeleted'), 'ok');
    } catch (e) {
      form.say(`${t('deleteFailed')}: ${errorText(e, { 404: 'routeDeletedElsewhere' })}`, 'error');
    } finally {
      form.busy(false);
    }
  }

  const loaded = Promise.all([
    patrolApi.workers().then((w) => { workers = w; form.setWorkers(w); }),
    loadDay(form.date()),
  ]).catch((e) => console.error(e));

  return {
    form: form.element,
    list: list.element,
    comparison: comparison.element,
    loaded,
    live(item: ChangeItem) { if (loading) loading.push(item); else apply(item); },
    preferGrid: (grid: string | null) => form.preferGrid(grid),
    worker: () => form.values().worker,
    /** A fresh draft (cleared, or a suggestion): no longer editing a saved route. */
    newDraft(grid?: string) {
      form.fill(null);
      form.say('');
      list.select(null);
      comparison.show(null);
      compareLayer.show(null);
      form.preferGrid(grid ?? null);
    },
    state: () => ({
      savedRoutes: list.ids(),
      routesDay: list.day(),
      loadedRoute: form.editing(),
      comparison: comparison.current(),
    }),
  };
}
