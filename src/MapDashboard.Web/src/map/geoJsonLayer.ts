import GeoJSON from 'ol/format/GeoJSON';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import type { StyleFunction } from 'ol/style/Style';

/**
 * A vector layer for GeoJSON the API answers (EPSG:4326 in, the view's Web Mercator drawn):
 * named for the test hook, its style kept as `styleFn` so the hook counts only what it draws.
 */
export function geoJsonLayer(name: string, style: StyleFunction, zIndex: number) {
  const source = new VectorSource();
  const layer = new VectorLayer({ source, style, zIndex, properties: { name, styleFn: style } });
  const format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: 'EPSG:3857' });
  return { source, layer, format };
}
