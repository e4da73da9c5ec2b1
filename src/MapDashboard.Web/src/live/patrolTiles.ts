import type OlMap from 'ol/Map';
import VectorTileLayer from 'ol/layer/VectorTile';
import { setTileVersion } from '../map/tileLayer';

// Tracks, coverage and unvisited grow with every ping, but the hub streams positions, not
// tracks: those tile layers are reloaded whole. Pings arrive every second somewhere, so a
// reload waits a little for the batch to settle and never comes sooner than MIN_GAP_MS
// after the last one — a wall left on all day must not refetch its tiles every second.
// The server folds pings into tracks on its own period (Patrols:Coverage:RefreshSeconds,
// 30 s by default), so one more reload TRAILING_MS after the last ping picks up the last fold.
const SETTLE_MS = 2_000;
const MIN_GAP_MS = 15_000;
const TRAILING_MS = 35_000;

/** The non-live tile layers of a map, reloaded at most every MIN_GAP_MS after pings. */
export function patrolTileReloader(map: OlMap) {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let trailing: ReturnType<typeof setTimeout> | undefined;
  let version = 0;
  let reloads = 0;
  const layers = () => map.getAllLayers().filter((l): l is VectorTileLayer => l instanceof VectorTileLayer && l.get('live') === false);
  // The version each layer's tiles were last asked at. A layer outside its level of detail (the wall's tracks at city
  // zoom) is not reloaded: a new URL would redraw the whole map for a layer it does not draw. It catches up once the
  // view comes within its zoom.
  const asked = new WeakMap<VectorTileLayer, number>();
  // Within its zoom (as OpenLayers judges it), whether shown or toggled off: a desk's toggle then shows fresh tiles.
  const inZoom = (l: VectorTileLayer) => {
    const resolution = map.getView().getResolution() ?? 0;
    return resolution >= l.getMinResolution() && resolution < l.getMaxResolution();
  };
  function catchUp() {
    for (const l of layers()) {
      if ((asked.get(l) ?? 0) < version && inZoom(l)) { asked.set(l, version); setTileVersion(l, version); }
    }
  }
  map.getView().on('change:resolution', () => { if (reloads) catchUp(); });

  function reload() {
    timer = undefined;
    last = Date.now();
    reloads++;
    version++; // a new URL each time: the seq need not have moved for the tracks to have
    catchUp();
  }
  const schedule = () => { timer ??= setTimeout(reload, Math.max(SETTLE_MS, last + MIN_GAP_MS - Date.now())); };

  return {
    /** Pings came in up to live seq `seq`: reload soon, once, and once more after the server's next fold. */
    poke(seq: number) {
      version = Math.max(version, seq);
      schedule();
      clearTimeout(trailing);
      trailing = setTimeout(schedule, TRAILING_MS);
    },
    reloads: () => reloads,
  };
}
