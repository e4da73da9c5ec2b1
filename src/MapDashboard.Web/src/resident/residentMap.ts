import Map from 'ol/Map';
import View from 'ol/View';
import Feature from 'ol/Feature';
import Point from 'ol/geom/Point';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import GeoJSON from 'ol/format/GeoJSON';
import { Circle, Fill, Stroke, Style } from 'ol/style';
import { fromLonLat, toLonLat, transformExtent } from 'ol/proj';
import { externalBaseLayer } from '../layers/externalBase';
import type { ReportForm } from './residentApi';

/**
 * The resident's small map: the district's outline (the tiles need an account; the outline is what a resident needs
 * to see where reports are taken) on the configured online base map if any, and a pin where the problem is — set
 * by a tap or by the phone's location.
 */
export interface ResidentMap {
  map: Map;
  /** Moves the pin (and the view) to [lon, lat]. */
  pin(lonLat: [number, number]): void;
}

export function residentMap(target: HTMLElement, form: ReportForm, onPin: (lonLat: [number, number]) => void): ResidentMap {
  const outline = new VectorLayer({
    source: new VectorSource({
      features: new GeoJSON().readFeatures({ type: 'Feature', geometry: form.outline, properties: {} }, { featureProjection: 'EPSG:3857' }),
    }),
    style: new Style({ fill: new Fill({ color: 'rgba(8, 145, 178, .06)' }), stroke: new Stroke({ color: '#0891b2', width: 2 }) }),
  });
  const marker = new Feature<Point>();
  const pinLayer = new VectorLayer({
    source: new VectorSource({ features: [marker] }),
    style: new Style({ image: new Circle({ radius: 10, fill: new Fill({ color: '#ef4444' }), stroke: new Stroke({ color: '#fff', width: 3 }) }) }),
    zIndex: 10,
  });
  const base = externalBaseLayer(form.baseLayer);
  const map = new Map({
    target,
    layers: [...(base ? [base] : []), outline, pinLayer],
    view: new View({ center: fromLonLat(form.center), zoom: 13, maxZoom: 19 }),
  });
  map.getView().fit(transformExtent(form.extent, 'EPSG:4326', 'EPSG:3857'), { padding: [12, 12, 12, 12] });

  const pin = (lonLat: [number, number]) => {
    marker.setGeometry(new Point(fromLonLat(lonLat)));
    map.getView().animate({ center: fromLonLat(lonLat), zoom: Math.max(map.getView().getZoom() ?? 15, 16), duration: 250 });
    onPin(lonLat);
  };
  map.on('singleclick', (e) => {
    const [lon, lat] = toLonLat(e.coordinate);
    marker.setGeometry(new Point(e.coordinate));
    onPin([lon, lat]);
  });
  return { map, pin };
}
