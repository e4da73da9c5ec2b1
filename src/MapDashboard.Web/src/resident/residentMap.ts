import Map from 'ol/Map';
import View from 'ol/View';
import Feature from 'ol/Feature';
import Point from 'ol/geom/Point';
import VectorLayer from 'ol/layer/Vector';
import VectorSource from 'ol/source/Vector';
import GeoJSON from 'ol/format/GeoJSON';
import { Circle, Fill, Stroke, Style } from 'ol/style';
import { fromLonLat, toLonLat, transformExtent } from 'ol/proj';
import type BaseLayer from 'ol/layer/Base';
import { externalBaseLayer } from '../layers/externalBase';
import { roadLayer, waterLayer } from '../layers/base';
import { buildingLayer } from '../layers/buildings';
import type { TileSetup } from '../map/tileLayer';
import type { Palette } from '../theme';
import type { ReportForm } from './residentApi';

/** The tiles open without an account: base layers only, and only what says nothing about people. */
const PUBLIC_TILES = '/tiles/public';

/**
 * The resident's small map: the district's outline (where reports are taken) over the base layers open without an
 * account (water, roads, building outlines from /tiles/public, on the configured online base map if any), and a pin
 * where the problem is — set by a tap or by the phone's location.
 */
export interface ResidentMap {
  map: Map;
  /** Moves the pin (and the view) to [lon, lat]. */
  pin(lonLat: [number, number]): void;
}

export function residentMap(target: HTMLElement, form: ReportForm, palette: Palette, onPin: (lonLat: [number, number]) => void): ResidentMap {
  const outline = new VectorLayer({
    source: new VectorSource({
      features: new GeoJSON().readFeatures({ type: 'Feature', geometry: form.outline, properties: {} }, { featureProjection: 'EPSG:3857' }),
    }),
    style: new Style({ fill: new Fill({ color: 'rgba(8, 145, 178, .06)' }), stroke: new Stroke({ color: '#0891b2', width: 2 }) }),
    zIndex: 40, // over the base tiles (water 5, roads 10, buildings 30)
  });
  const marker = new Feature<Point>();
  const pinLayer = new VectorLayer({
    source: new VectorSource({ features: [marker] }),
    style: new Style({ image: new Circle({ radius: 10, fill: new Fill({ color: '#ef4444' }), stroke: new Stroke({ color: '#fff', width: 3 }) }) }),
    zIndex: 50,
  });
  const base = externalBaseLayer(form.baseLayer);
  // Not live (the hub needs an account): the tiles are as of the page's opening, version 0 for every one.
  const tiles: TileSetup = { layers: form.baseTiles, version: 0 };
  const offered = (name: string) => form.baseTiles.some((l) => l.name === name);
  const vector: BaseLayer[] = [
    ...(offered('water') ? [waterLayer(palette, tiles, PUBLIC_TILES)] : []),
    ...(offered('roads') ? [roadLayer(palette, tiles, PUBLIC_TILES)] : []),
    ...(offered('buildings') ? [buildingLayer(palette, tiles, undefined, PUBLIC_TILES)] : []),
  ];
  target.style.background = palette.background;
  const map = new Map({
    target,
    layers: [...(base ? [base] : []), ...vector, outline, pinLayer],
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
