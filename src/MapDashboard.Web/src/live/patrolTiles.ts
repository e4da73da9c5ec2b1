import type OlMap from 'ol/Map';
import VectorTileLayer from 'ol/layer/VectorTile';
import { setTileVersion } from '../map/tileLayer';

// Tracks, coverage and unvisited grow with every ping, but the hub streams positions, not
// tracks: those tile layers are reloaded whole. Pings arrive every second somewhere, so a
// reload waits a little for the batch to settle and never comes sooner than MIN_GAP_MS
// after the last one — a wall left on all day must not refetch its tiles every second.
const SETTLE_MS = 2_000;
const MIN_GAP_MS = 15_000;

/** The non-live tile layers of a map, reloaded at most every MIN_GAP_MS after pings. */
export function patrolTileReloader(map: OlMap) {
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let version = 0;
  let reloads = 0;
  const layers = () => map.getAllLayers().filter((l): l is VectorTileLayer => l instanceof VectorTileLayer && l.get('live') === false);

  function reload() {
    timer = undefined;
    last = Date.now();
    reloads++;
    for (const l of layers()) setTileVersion(l, version);
  }

  return {
    /** Pings came in up to live seq `seq`: reload soon, once. */
    poke(seq: number) {
      version = Math.max(version + 1, seq); // a new URL even when the seq has not moved
      if (timer) return;
      timer = setTimeout(reload, Math.max(SETTLE_MS, last + MIN_GAP_MS - Date.now()));
    },
    reloads: () => reloads,
  };
}
