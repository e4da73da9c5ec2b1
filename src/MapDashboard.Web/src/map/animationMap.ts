import OlMap from 'ol/Map';

/**
 * A second, transparent map over `map`, on the same view, for what animates (the wall's pulses and overdue rings).
 * OpenLayers redraws every layer of a map whenever any of them changes: an animated ring in the main map made each
 * frame redraw the whole district — at city scale ~180 ms of CPU a frame on the wall PC (bench wall). Here a ring's
 * frame redraws only the rings, and the district is drawn again only when something on it changes. It takes no
 * pointer events: clicks, hit detection and the test hook's pixel probes go to the map below.
 * It does not hold up the map's readiness either: `window.mapDashboard.ready` waits for a rendercomplete of the map
 * below only (hook.ts), which no longer re-renders 11 times a second on its own (see `idle` there).
 */
export function animationMap(map: OlMap): OlMap {
  const target = document.createElement('div');
  target.className = 'animation-map';
  (map.getTargetElement() as HTMLElement).append(target);
  const animated = new OlMap({ target, view: map.getView(), controls: [], interactions: [], layers: [] });
  // Kept on the map below for the render profile (map/renderProfile.ts), which counts its renders apart.
  map.set(ANIMATION_MAP, animated);
  return animated;
}

/** The property of a map that holds the map of what animates over it. */
export const ANIMATION_MAP = 'animationMap';
