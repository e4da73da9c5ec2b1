import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import GeoJSON from 'ol/format/GeoJSON';
import { Stroke, Style } from 'ol/style';
import type { GridCollection } from '../api';
import type { Palette } from '../theme';

// The selected grid as GeoJSON (from GET /api/grids/{code}): a glowing outline over
// everything, so the grid stands out without hiding its status fill.
export function selectionLayer(p: Palette) {
  const styles = [
    new Style({ stroke: new Stroke({ color: p.selection, width: 10 }), zIndex: 0 }),
    new Style({ stroke: new Stroke({ color: '#ffffff', width: 2.5 }), zIndex: 1 }),
  ];
  const source = new VectorSource();
  const layer = new VectorLayer({ source, style: styles, zIndex: 80, opacity: 0.9, properties: { name: 'selection' } });
  const format = new GeoJSON({ featureProjection: 'EPSG:3857' });
  return {
    layer,
    show(collection: GridCollection) {
      source.clear();
      const boundary = collection.features.filter((f) => f.properties.layer === 'grid');
      source.addFeatures(format.readFeatures({ type: 'FeatureCollection', features: boundary }));
    },
    clear: () => source.clear(),
  };
}
