import type Feature from 'ol/Feature';
import GeoJSON from 'ol/format/GeoJSON';
import LineString from 'ol/geom/LineString';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import { Stroke, Style } from 'ol/style';
import { getJson } from '../api';
import { districtDay } from '../timeZone';

const routeStyle = [
  new Style({ stroke: new Stroke({ color: '#ffffff', width: 7 }) }),
  new Style({ stroke: new Stroke({ color: '#7048e8', width: 4, lineDash: [10, 6] }) }),
];

/**
 * The worker's routes planned for today (in the district's day) on the field page's map (layer "fieldRoute" for
 * the test hook). GET /api/routes is readable by every signed-in account. The day's routes are read whole and mine
 * kept here: its `worker` filter answers 404 for a person who is no grid worker (a party-member volunteer), and a
 * volunteer simply has no route.
 */
export function todayRouteLayer() {
  const source = new VectorSource();
  const layer = new VectorLayer({ source, style: routeStyle, zIndex: 40 });
  layer.set('name', 'fieldRoute');
  return {
    layer,
    /** Reads today's routes of `worker` again; offline (or refused) keeps what is shown. */
    async load(worker: string): Promise<void> {
      let collection: object;
      try {
        collection = await getJson<object>(`/api/routes?date=${districtDay()}`, 'no-store');
      } catch { return; }
      source.clear();
      const routes = new GeoJSON().readFeatures(collection, { featureProjection: 'EPSG:3857' }) as Feature[];
      source.addFeatures(routes.filter((f) => f.get('worker') === worker));
    },
    lines(): LineString[] {
      return source.getFeatures().map((f) => f.getGeometry()).filter((g): g is LineString => g instanceof LineString);
    },
  };
}
