import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import GeoJSON from 'ol/format/GeoJSON';
import Feature from 'ol/Feature';
import Point from 'ol/geom/Point';
import { fromLonLat } from 'ol/proj';
import { Circle, Fill, Stroke, Style } from 'ol/style';
import type { GridCollection } from '../api';
import type { Palette } from '../theme';

// The selected grid as GeoJSON (from GET /api/grids/{code}), or a community's or street's boundary (its overview):
// a glowing outline over everything, so the area stands out without hiding its status fill. `mark` rings one point
// (an incident or a worker a list row or a search hit located), kept until the next selection.
export function selectionLayer(p: Palette) {
  const outline = [
    new Style({ stroke: new Stroke({ color: p.selection, width: 10 }), zIndex: 0 }),
    new Style({ stroke: new Stroke({ color: '#ffffff', width: 2.5 }), zIndex: 1 }),
  ];
  const ring = new Style({
    image: new Circle({ radius: 14, stroke: new Stroke({ color: p.selection, width: 4 }), fill: new Fill({ color: 'rgba(255, 255, 255, 0.25)' }) }),
    zIndex: 2,
  });
  const source = new VectorSource();
  const layer = new VectorLayer({
    source, style: (f) => (f.getGeometry()?.getType() === 'Point' ? ring : outline),
    zIndex: 80, opacity: 0.9, properties: { name: 'selection' },
  });
  const format = new GeoJSON({ featureProjection: 'EPSG:3857' });
  let mark: Feature<Point> | null = null;
  return {
    layer,
    show(collection: GridCollection) {
      source.clear();
      mark = null;
      const boundary = collection.features.filter((f) => f.properties.layer === 'grid');
      source.addFeatures(format.readFeatures({ type: 'FeatureCollection', features: boundary }));
    },
    /** Outlines one boundary (GeoJSON geometry in EPSG:4326). */
    outline(geometry: unknown) {
      source.clear();
      mark = null;
      source.addFeature(format.readFeature({ type: 'Feature', geometry, properties: {} }) as Feature);
    },
    /** Rings the point [lon, lat], replacing the previous ring. */
    mark(lonLat: [number, number]) {
      if (mark) source.removeFeature(mark);
      mark = new Feature(new Point(fromLonLat(lonLat)));
      source.addFeature(mark);
    },
    clear: () => { source.clear(); mark = null; },
  };
}
