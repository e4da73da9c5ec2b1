import Map from 'ol/Map';
import View from 'ol/View';
import { defaults as defaultControls, Attribution } from 'ol/control';
import { defaults as defaultInteractions } from 'ol/interaction';
import { fromLonLat, transformExtent } from 'ol/proj';
import type BaseLayer from 'ol/layer/Base';
import { api, type BBox, type Category, type MapConfig, type TerritoryUnit } from '../api';
import type { Palette } from '../theme';
import { onLang, t } from '../i18n';
import { setDistrictTimeZone } from '../timeZone';
import { territoryLayer } from '../layers/territory';
import { gridLayer, policeGridLayer } from '../layers/grids';
import { buildingLayer } from '../layers/buildings';
import { hazardLayer } from '../layers/hazards';
import { incidentLayer } from '../layers/incidents';
import { findingsLayer } from '../layers/findings';
import { roadLayer, waterLayer } from '../layers/base';
import { labelLayer } from '../layers/labels';
import { externalBaseLayer } from '../layers/externalBase';
import { coverageLayer } from '../layers/coverage';
import { trackLayer } from '../layers/tracks';
import { unvisitedLayer } from '../layers/unvisited';
import { offersTiles, type TileResampling, type TileSetup } from './tileLayer';
import { NEIGHBOURHOOD_RESOLUTION } from './levelOfDetail';
import { baseMap } from './animationMap';

export interface MapContext {
  map: Map;
  config: MapConfig;
  units: TerritoryUnit[];
  categories: Category[];
  palette: Palette;
  district: TerritoryUnit | undefined;
  /** The live feed's seq the tiles are stamped with: changes after it are applied live. */
  snapshotSeq: number;
}

export interface MapOptions {
  target: HTMLElement;
  palette: Palette;
  /** The wall is unattended: no zoom buttons, no mouse-wheel surprises. */
  interactive: boolean;
  /** The finding kinds the findings layer draws (every kind when absent): the wall draws only those needing action. */
  findingKinds?: readonly string[];
  /** Building footprints from this resolution in (src/map/levelOfDetail.ts): street zoom on the wall, closer out on a desk. */
  buildingsMaxResolution?: number;
  /**
   * How tile images are scaled between zoom levels (map/tileLayer.ts), at the view's resolution: linear unless the view
   * redraws often and must stay cheap.
   */
  tileResampling?: (resolution: number) => TileResampling;
  /**
   * Our offline base map (roads, water) on a map of its own under the district's (map/animationMap.ts, `baseMap`): a
   * live commit then redraws the district without them. Not with an external base layer: that one must stay on the
   * district's map, where its attribution control reads it, and it would then be drawn over them. The desks' choice; the wall keeps them on its map
   * (its redraws were measured so: web README, seventh round).
   */
  baseMapApart?: boolean;
}

export const toMercator = (bbox: BBox) => transformExtent(bbox, 'EPSG:4326', 'EPSG:3857');

export async function createMap(o: MapOptions): Promise<MapContext> {
  // The live position is read before any tile is requested (PROTOCOL.md, step 1): every tile
  // is then at least as new as its seq, and the live feed replays whatever came after it.
  const [config, units, categories, position] =
    await Promise.all([api.config(), api.territory(), api.categories(), api.livePosition()]);
  const district = units.find((u) => u.kind === 'district');
  setDistrictTimeZone(config.timeZone);
  o.target.style.background = o.palette.background;

  const external = externalBaseLayer(config.baseLayer);
  const view = new View({ center: fromLonLat(config.center), zoom: config.zoom, maxZoom: 20 });
  const resampling = o.tileResampling;
  const c: TileSetup = {
    layers: config.layers ?? [], version: position.seq,
    resampling: resampling && (() => resampling(view.getResolution() ?? Infinity)),
  };
  // Patrol layers only where the server offers them (tiles it does not know answer 400).
  const patrol = (name: string, make: (p: Palette, c: TileSetup) => BaseLayer) =>
    (offersTiles(c, name) ? [make(o.palette, c)] : []);
  const base: BaseLayer[] = [waterLayer(o.palette, c), roadLayer(o.palette, c)];
  const baseApart = o.baseMapApart && !external;
  const layers: BaseLayer[] = [
    ...(external ? [external] : []),
    ...(baseApart ? [] : base),
    gridLayer(o.palette, c),
    ...patrol('coverage', coverageLayer),
    buildingLayer(o.palette, c, o.buildingsMaxResolution ?? NEIGHBOURHOOD_RESOLUTION),
    ...patrol('tracks', trackLayer),
    territoryLayer(o.palette, c),
    findingsLayer(o.palette, c, o.findingKinds),
    policeGridLayer(o.palette, c),
    hazardLayer(o.palette, c, categories),
    ...patrol('unvisited', unvisitedLayer),
    incidentLayer(o.palette, c, categories),
    labelLayer(o.palette, units),
  ];

  const map = new Map({
    target: o.target,
    layers,
    view,
    controls: o.interactive
      ? defaultControls({ attribution: !!external })
      : external ? [new Attribution({ collapsible: false })] : [],
    interactions: o.interactive ? defaultInteractions() : [],
  });
  if (baseApart) {
    const under = baseMap(map);
    base.forEach((l) => under.addLayer(l));
  }
  translateControls(o.target);
  const extent = district?.bbox ?? config.extent;
  map.getView().fit(toMercator(extent), { padding: [40, 40, 40, 40] });
  return { map, config, units, categories, palette: o.palette, district, snapshotSeq: position.seq };
}

export function fitBBox(map: Map, bbox: BBox, animate: boolean, padding = [60, 60, 60, 60], done?: (completed: boolean) => void): void {
  map.getView().fit(toMercator(bbox), { padding, duration: animate ? 450 : 0, maxZoom: 18, callback: done });
}

// OpenLayers' controls carry English tooltips ("Zoom in", "Zoom out", "Reset rotation", "Attributions"):
// they follow the reader's language like every other word on the page.
function translateControls(target: HTMLElement): void {
  const tips: [selector: string, key: Parameters<typeof t>[0]][] =
    [['.ol-zoom-in', 'zoomIn'], ['.ol-zoom-out', 'zoomOut'], ['.ol-rotate-reset', 'resetRotation'], ['.ol-attribution button', 'attributions']];
  onLang(() => {
    for (const [selector, key] of tips) target.querySelectorAll<HTMLElement>(selector).forEach((b) => { b.title = t(key); });
  });
}
