import type OlMap from 'ol/Map';
import Feature from 'ol/Feature';
import Draw from 'ol/interaction/Draw';
import Modify from 'ol/interaction/Modify';
import DoubleClickZoom from 'ol/interaction/DoubleClickZoom';
import LineString from 'ol/geom/LineString';
import { fromLonLat, toLonLat } from 'ol/proj';
import { unByKey } from 'ol/Observable';
import type { EventsKey } from 'ol/events';
import type { LonLat } from '../patrolApi';
import type { routeLayer } from '../layers/route';

/**
 * The planner's one draft route: drawn by clicking (double-click finishes), its vertices
 * dragged with Modify, or loaded from a saved route or a suggestion. Tells `onSketch` of
 * every change while drawing (for the length, instantly) and `onLine` of every change of
 * the finished line, in lon/lat (for the analysis, which the view debounces).
 */
// Vertices go to the server at 7 decimals (~1 cm): plenty, and the hook reports exactly what was sent.
const round7 = (v: number) => Math.round(v * 1e7) / 1e7;
const lonLats = (g: LineString): LonLat[] | null =>
  g.getCoordinates().length > 1 ? g.getCoordinates().map((c) => toLonLat(c).map(round7) as LonLat) : null;

export function routeEditor(map: OlMap, route: ReturnType<typeof routeLayer>, o: {
  onSketch(line: LineString | null): void;
  onLine(path: LonLat[] | null): void;
  onDrawing(on: boolean): void;
}) {
  // A double-click finishes a line; it must not also zoom the map under the planner's hand.
  map.getInteractions().getArray().filter((i) => i instanceof DoubleClickZoom).forEach((i) => i.setActive(false));
  const draw = new Draw({ source: route.source, type: 'LineString', style: route.sketch });
  const modify = new Modify({ source: route.source, style: route.sketch });
  map.addInteraction(modify);
  let drawing = false;
  let sketchKey: EventsKey | null = null;

  // At drawend the feature is not in the source yet: report the line itself, not the source.
  function watch(line: LineString) {
    o.onSketch(line);
    o.onLine(lonLats(line));
    line.on('change', () => { o.onSketch(line); o.onLine(lonLats(line)); }); // Modify drags the stored feature's vertices
  }

  draw.on('drawstart', (e) => {
    route.source.clear(); // one draft route at a time
    const g = e.feature.getGeometry() as LineString;
    sketchKey = g.on('change', () => o.onSketch(g));
  });
  draw.on('drawend', (e) => {
    if (sketchKey) unByKey(sketchKey);
    setDrawing(false);
    watch(e.feature.getGeometry() as LineString);
  });

  function setDrawing(on: boolean) {
    if (on === drawing) return;
    drawing = on;
    if (on) map.addInteraction(draw); else { draw.abortDrawing(); map.removeInteraction(draw); }
    o.onDrawing(on);
  }

  const current = () => route.source.getFeatures()[0]?.getGeometry() as LineString | undefined;
  return {
    setDrawing,
    drawing: () => drawing,
    clear() {
      draw.abortDrawing();
      route.source.clear();
      o.onSketch(null);
      o.onLine(null);
    },
    /** Puts a line (lon/lat) in as the draft, editable at once. */
    load(coords: LonLat[]) {
      setDrawing(false);
      route.source.clear();
      const line = new LineString(coords.map((c) => fromLonLat(c)));
      route.source.addFeature(new Feature(line));
      watch(line);
    },
    /** The draft's vertices in lon/lat, null while there is no finished line. */
    path(): LonLat[] | null {
      const g = current();
      return g ? lonLats(g) : null;
    },
    extent: () => current()?.getExtent() ?? null,
  };
}
