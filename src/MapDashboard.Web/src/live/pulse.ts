import type OlMap from 'ol/Map';
import type Feature from 'ol/Feature';
import type { Geometry, GeometryCollection, LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon } from 'ol/geom';
import type { Coordinate } from 'ol/coordinate';
import type MapEvent from 'ol/MapEvent';
import { asArray } from 'ol/color';
import type { Palette } from '../theme';
import { el } from '../ui/dom';

/** How long a new or changed feature stands out on the wall before it settles. */
export const PULSE_MS = 5000;
// A replay after a long outage can bring hundreds of changes at once; a wall full of rings says nothing.
const MAX_PULSES = 40;
const SVG = 'http://www.w3.org/2000/svg';
const OUTLINE_PAD = 8; // px around a polygon's outline: half its stroke and its glow
// The CSS animations step 12 times a second (steps(15) over 1.25 s in style.css), every pulse on one shared clock:
// the compositor then redraws the pulses' pixels 12 times a second, not 60 — each pulse stepping at its own moment
// had some pulse change in nearly every frame, and chromium's software compositor redraws the union of what changed.
const STEP_MS = 1250 / 15;

/** A pulse on screen, in page pixels. */
export interface PulseBox { kind: 'ring' | 'outline'; x: number; y: number; width: number; height: number }

interface Mark {
  element: HTMLElement;
  geometry: Geometry;
  timer: number;
}

/**
 * The wall's "this just changed" cue: an expanding, fading ring around a point, a glowing outline around a polygon,
 * above everything for PULSE_MS. Drawn as DOM elements animated by CSS (`.pulse-*` in style.css), not on a canvas:
 * a canvas pulse redrew a full-screen map every animation frame (~42 a second on the city wall) and had chromium
 * rasterise and composite that canvas again each time; a CSS animation of transform and opacity is run by the
 * compositor, over the pulse's few pixels, with no work on the main thread. The elements are placed at the feature's
 * pixel and placed again only when the view changes (the district map's postrender with another view state).
 * Only the geometry is copied: a pulse carries no properties, so no personal data can show.
 *
 * `map` is the map whose view places them; `over` the map whose overlay container holds them (the wall's topmost,
 * src/map/animationMap.ts, so a pulse shows over the worker dots too). Both share one view.
 */
export function pulseMarks(map: OlMap, over: OlMap, p: Palette) {
  const [r, g, b] = asArray(p.selection);
  const container = el('div', { class: 'pulse-marks' });
  container.style.setProperty('--pulse-colour', `rgb(${r}, ${g}, ${b})`);
  over.getOverlayContainer()!.append(container); // made with the map, above its layers
  const marks = new Map<string, Mark>();
  let startedCount = 0;
  let placedFor = '';

  const pixel = (c: Coordinate) => map.getPixelFromCoordinate(c) as [number, number] | null;

  function place(mark: Mark) {
    const geometry = mark.geometry;
    const type = geometry.getType();
    if (type === 'Point' || type === 'MultiPoint') {
      // A ring round the point (a multi-point's first: its parts lie together).
      const at = pixel(type === 'Point' ? (geometry as Point).getCoordinates() : (geometry as MultiPoint).getCoordinates()[0]);
      if (at) mark.element.style.transform = `translate(${at[0]}px, ${at[1]}px)`;
      return;
    }
    outline(mark, geometry);
  }

  // A polygon or line: an SVG path over its pixels, as small as its outline (the compositor redraws that box only).
  function outline(mark: Mark, geometry: Geometry) {
    const resolution = map.getView().getResolution() ?? 1;
    const rings = ringsOf(geometry.simplify(resolution / 2));
    const points = rings.map((ring) => ring.map(pixel).filter((px): px is [number, number] => !!px));
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of points.flat()) [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
    if (minX === Infinity) return;
    const left = minX - OUTLINE_PAD, top = minY - OUTLINE_PAD;
    const width = maxX - left + OUTLINE_PAD, height = maxY - top + OUTLINE_PAD;
    const d = points.map((ring) => 'M' + ring.map(([x, y]) => `${(x - left).toFixed(1)} ${(y - top).toFixed(1)}`).join('L')).join('');
    const svg = mark.element.firstElementChild as SVGSVGElement;
    svg.setAttribute('width', String(Math.ceil(width)));
    svg.setAttribute('height', String(Math.ceil(height)));
    (svg.firstElementChild as SVGPathElement).setAttribute('d', d);
    mark.element.style.transform = `translate(${left}px, ${top}px)`;
  }

  function create(geometry: Geometry): HTMLElement {
    const type = geometry.getType();
    if (type === 'Point' || type === 'MultiPoint') return el('div', { class: 'pulse-mark' }, el('div', { class: 'pulse-ring' }));
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', 'pulse-outline');
    svg.append(document.createElementNS(SVG, 'path'));
    return el('div', { class: 'pulse-mark' }, svg);
  }

  function stop(key: string) {
    const mark = marks.get(key);
    if (!mark) return;
    clearTimeout(mark.timer);
    mark.element.remove();
    marks.delete(key);
  }

  // Placed again only when the view moved: a district render for a live change leaves the pulses where they are.
  map.on('postrender', (e: MapEvent) => {
    const v = e.frameState?.viewState;
    if (!v) return;
    const size = e.frameState!.size;
    const key = `${v.center[0]},${v.center[1]},${v.resolution},${v.rotation},${size[0]},${size[1]}`;
    if (key === placedFor) return;
    placedFor = key;
    marks.forEach(place);
  });

  return {
    /** Starts (or restarts) the pulse of one feature, on a copy of its geometry; key = layer/id. */
    add(key: string, feature: Feature) {
      stop(key);
      const geometry = feature.getGeometry();
      if (!geometry || marks.size >= MAX_PULSES) return;
      const mark: Mark = { element: create(geometry), geometry: geometry.clone(), timer: 0 };
      mark.timer = window.setTimeout(() => stop(key), PULSE_MS);
      marks.set(key, mark);
      place(mark);
      container.append(mark.element);
      // Started on the shared clock's last tick (the document timeline's), so that its steps fall on the others'.
      const now = Number(document.timeline.currentTime ?? 0);
      for (const a of mark.element.getAnimations({ subtree: true })) a.startTime = now - (now % STEP_MS);
      startedCount++;
    },
    /** A deleted feature stops pulsing at once: a ring around nothing would mislead. */
    remove: stop,
    /** Pulses on screen now. */
    count: () => marks.size,
    /** Pulses started since the page opened. */
    total: () => startedCount,
    /** Where each pulse is drawn now, in page pixels: the box of its ring (centred on the point) or outline. */
    placed: (): PulseBox[] => [...marks.values()].map((m) => {
      const shape = m.element.firstElementChild!;
      const r = shape.getBoundingClientRect();
      return { kind: shape.tagName === 'DIV' ? 'ring' : 'outline', x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  };
}

/** The outlines of a line or polygon geometry, as coordinate lists. */
function ringsOf(geometry: Geometry): Coordinate[][] {
  switch (geometry.getType()) {
    case 'LineString': return [(geometry as LineString).getCoordinates()];
    case 'MultiLineString': return (geometry as MultiLineString).getCoordinates();
    case 'Polygon': return (geometry as Polygon).getCoordinates();
    case 'MultiPolygon': return (geometry as MultiPolygon).getCoordinates().flat();
    case 'GeometryCollection': return (geometry as GeometryCollection).getGeometries().flatMap(ringsOf);
    default: return [];
  }
}
