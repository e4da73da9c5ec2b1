import OlMap from 'ol/Map';

/**
 * A second, transparent map over `map`, on the same view, for what animates (the wall's pulses and overdue rings).
 * OpenLayers redraws every layer of a map whenever any of them changes: an animated ring in the main map made each
 * frame redraw the whole district — at city scale ~180 ms of CPU a frame on the wall PC (bench wall). Here a ring's
 * frame redraws only the rings, and the district is drawn again only when something on it changes. It takes no
 * pointer events: clicks, hit detection and the test hook's pixel probes go to the map below.
 */
export function animationMap(map: OlMap): OlMap {
  const target = document.createElement('div');
  target.className = 'animation-map';
  (map.getTargetElement() as HTMLElement).append(target);
  return new OlMap({ target, view: map.getView(), controls: [], interactions: [], layers: [] });
}
