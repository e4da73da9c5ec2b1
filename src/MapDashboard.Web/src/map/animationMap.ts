import OlMap from 'ol/Map';

/**
 * Transparent maps over `map`, on the same view, for what changes more often than the district under it (and one
 * under it, `baseMap`, for what changes less).
 * OpenLayers redraws every layer of a map whenever any of them changes: an animated ring in the main map made each
 * frame redraw the whole district — at city scale ~180 ms of CPU a frame on the wall PC (bench wall). On a map of its
 * own a ring's frame redraws only the rings, and the district is drawn again only when something on it changes.
 * They take no pointer events: clicks go to the map below; the test hook reads their named layers too (hook.ts).
 * They lie in the map's viewport between its layers and its overlays: a popup or a zoom button stays above the dots.
 * They do not hold up the map's readiness either: `window.mapDashboard.ready` waits for a rendercomplete of the map
 * below only (hook.ts), which no longer re-renders 11 times a second on its own (see `idle` there).
 */
function mapOver(map: OlMap, className: string, key: string, under = false): OlMap {
  const target = document.createElement('div');
  target.className = `map-over ${className}`;
  // Both exist once the map has a target (the view's map is always made with one). Under: before its layers' canvas.
  const viewport = map.getViewport()!;
  viewport.insertBefore(target, under ? viewport.firstChild : map.getOverlayContainer()!);
  const over = new OlMap({ target, view: map.getView(), controls: [], interactions: [], layers: [] });
  // Kept on the map below for the test hook and the render profile (map/renderProfile.ts), which counts its renders apart.
  map.set(key, over);
  return over;
}

/**
 * The map of what animates (the wall's pulses, 12 frames a second while any runs, and overdue rings, 11 while any
 * incident is overdue): each layer is hidden while it has nothing to draw, so a quiet wall has no canvas here at all.
 * Made after `dotsMap`, so it lies above it: a pulse marks what it marks over the dots too.
 */
export const animationMap = (map: OlMap) => mapOver(map, 'animation-map', ANIMATION_MAP);

/**
 * The map of the worker dots, on every live view: 2,000 positions a second, moved on the district's map as a WebGL
 * layer, made OpenLayers redraw the whole city once more each second when their buffers were rebuilt (it calls
 * `changed()` on the layer when they are ready). Not on the animation map either: live, the pulses redraw that one
 * every frame (~22 a second), and each would draw 2,000 dots again. Here they are drawn only when they move, as a
 * canvas layer (layers/workers.ts says why not WebGL). Their names stay on the district's map, to declutter with the
 * street names.
 */
export const dotsMap = (map: OlMap) => mapOver(map, 'dots-map', DOTS_MAP);

/**
 * The map under a desk's district map, of what never changes live: our offline base map (roads,
 * water). Each live commit redraws the district's map as a whole; with these on it, a quarter to a third of each
 * redraw of /lead at city scale went to roads and water that had not changed (web README, eighth round). Here they
 * are drawn only when the view moves.
 */
export const baseMap = (map: OlMap) => mapOver(map, 'base-map', BASE_MAP, true);

/** The properties of a map that hold the maps over (and under) it. */
export const ANIMATION_MAP = 'animationMap';
export const DOTS_MAP = 'dotsMap';
export const BASE_MAP = 'baseMap';

const mapsAt = (map: OlMap, keys: string[]) => keys.map((key) => map.get(key) as OlMap | undefined).filter((m): m is OlMap => !!m);

/** The maps drawn over `map`, the topmost first (none on a view without them). */
export const mapsOver = (map: OlMap): OlMap[] => mapsAt(map, [ANIMATION_MAP, DOTS_MAP]);

/** The maps drawn under `map` (a desk's base map). */
export const mapsUnder = (map: OlMap): OlMap[] => mapsAt(map, [BASE_MAP]);
