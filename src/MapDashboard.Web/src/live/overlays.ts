import type OlMap from 'ol/Map';
import type Feature from 'ol/Feature';
import type { FeatureLike } from 'ol/Feature';
import GeoJSON from 'ol/format/GeoJSON';
import VectorLayer from 'ol/layer/Vector';
import VectorTileLayer from 'ol/layer/VectorTile';
import VectorSource from 'ol/source/Vector';
import type { StyleFunction } from 'ol/style/Style';
import { setTileVersion } from '../map/tileLayer';
import type { ChangeItem } from './protocol';

type Id = number | string;

/**
 * The map under the live overlays is redrawn as a whole whenever one of them changes (OpenLayers redraws every layer
 * of a map), and a tile layer re-styles every tile in view when its hidden ids change: for a city (10,000 hazards,
 * 50 changes a second) a redraw costs most of a frame's budget. So the changes are applied to the map at most this
 * often, all at once — the overlays' features and the tiles' hidden ids together, so a changed feature never shows
 * twice. Each commit redraws the city once (40–350 ms in software rendering, bench wall): at one a second those
 * renders and the frames they held up were over 5 % of the live frames, on the wall and on /lead alike, and the live
 * p95 was 2–15× the paused one; every two seconds the wall's equals it (src/MapDashboard.Web/README.md, seventh and
 * eighth rounds). Nobody reads a map closer than that: the wall's pulse (drawn on its own map) marks each change the
 * moment it arrives, and a desk's lists (its queue, an open card) are told of each change at once (onFeature).
 */
export const COMMIT_MS = 2000;

/**
 * The live copy of one tile source (hazards, buildings, grids, territory). Vector tiles
 * cannot be edited, so a changed feature is drawn from `source`, and the tile's stale copy
 * with the same id is hidden: `overridden` maps each such id to the seq of the change,
 * upsert or delete, that made the tile wrong about it.
 */
interface Overlay {
  source: VectorSource;
  overridden: Map<Id, number>;
  tileLayers: VectorTileLayer[];
  /** Changes not yet on the map: the feature to draw for an id, or null to draw none (the latest change wins). */
  pending: Map<Id, Feature | null>;
}

/**
 * Every live tile layer of the map with an overlay beside it. Items are applied in
 * place: no tile is reloaded for a change, so nothing flickers. The overlays only
 * shrink when a fresh tile snapshot makes them redundant (reload()).
 */
export class LiveOverlays {
  private readonly overlays = new Map<string, Overlay>();
  private readonly touched = new Set<Overlay>();
  private readonly format: GeoJSON;
  private readonly map: OlMap;

  constructor(map: OlMap) {
    this.map = map;
    this.format = new GeoJSON({ dataProjection: 'EPSG:4326', featureProjection: map.getView().getProjection() });
    for (const layer of map.getAllLayers()) {
      const tileSource = layer.get('tileSource') as string | undefined;
      if (layer instanceof VectorTileLayer && tileSource && layer.get('live') !== false) this.attach(layer, tileSource);
    }
  }

  /** How many ids the overlays hold (drawn live or hidden as deleted): the growth to cap. */
  get size(): number {
    let n = 0;
    for (const o of this.overlays.values()) n += o.overridden.size;
    return n;
  }

  // Grids and police grids read one MVT source: they share one overlay source and one
  // hidden-id set, each drawing it through its own style.
  private attach(tiles: VectorTileLayer, tileSource: string) {
    let o = this.overlays.get(tileSource);
    if (!o) this.overlays.set(tileSource, o = { source: new VectorSource(), overridden: new Map(), tileLayers: [], pending: new Map() });
    o.tileLayers.push(tiles);

    const style = tiles.get('styleFn') as StyleFunction;
    const overridden = o.overridden;
    // The tile's copy of a changed feature draws nothing. A Map lookup per feature and
    // the layer's own cached styles otherwise: no allocation in the style function.
    const tileStyle: StyleFunction = (f: FeatureLike, r: number) => (overridden.has(f.getId()!) ? undefined : style(f, r));
    tiles.setStyle(tileStyle);
    tiles.set('styleFn', tileStyle);

    // Exactly the tile layer's style, just above it, so a live feature looks like any other.
    const overlay = new VectorLayer({
      source: o.source,
      style,
      zIndex: (tiles.getZIndex() ?? 0) + 0.5,
      properties: { overlayOf: tiles.get('name'), styleFn: style },
    });
    tiles.set('overlay', overlay);
    this.map.addLayer(overlay);
  }

  /** Takes one change, drawn at the next commit; returns the feature it will draw for an upsert, null otherwise. */
  apply(item: ChangeItem): Feature | null {
    const o = this.overlays.get(item.layer);
    if (!o) return null; // a layer this client does not draw (routes)
    this.touched.add(o);
    o.overridden.set(item.id, item.seq);
    if (item.op === 'delete' || !item.feature) {
      o.pending.set(item.id, null);
      return null;
    }
    const feature = this.format.readFeature(item.feature) as Feature;
    feature.setId(item.id);
    o.pending.set(item.id, feature);
    return feature;
  }

  /**
   * Puts the changes taken since the last commit on the map: the overlays' features and the tile layers' hidden ids
   * at once, so the map is redrawn once for all of them (the caller does so at most every COMMIT_MS).
   */
  commit(): void {
    for (const o of this.touched) {
      this.commitPending(o);
      o.tileLayers.forEach((l) => l.changed());
    }
    this.touched.clear();
  }

  private commitPending(o: Overlay) {
    if (!o.pending.size) return;
    const added: Feature[] = [];
    for (const [id, feature] of o.pending) {
      this.remove(o, id);
      if (feature) added.push(feature);
    }
    o.pending.clear();
    o.source.addFeatures(added);
  }

  /**
   * Reloads the live tile layers at snapshot `seq` (those whose overlay holds at least `atLeast` entries; 0: all),
   * then, once those tiles are drawn, drops what they already show: each of their overlay entries no newer than
   * `seq`. Until then the old tiles stay on screen with the overlays over them, so the map never blanks.
   * Resolves once the overlays are settled.
   */
  reload(seq: number, atLeast = 0): Promise<void> {
    const reloaded = [...this.overlays.values()].filter((o) => o.overridden.size >= atLeast);
    for (const o of reloaded) o.tileLayers.forEach((l) => setTileVersion(l, seq));
    // rendercomplete waits for every tile in view: the ones at the new version included.
    return new Promise((resolve) => this.map.once('rendercomplete', () => { this.settle(reloaded, seq); resolve(); }));
  }

  private settle(reloaded: Overlay[], seq: number) {
    for (const o of reloaded) {
      // What is still pending first: a change the new tiles already show must not come back after the settle.
      this.commitPending(o);
      for (const [id, at] of o.overridden) {
        if (at > seq) continue;
        o.overridden.delete(id);
        this.remove(o, id);
        this.touched.add(o);
      }
    }
    this.commit();
  }

  private remove(o: Overlay, id: Id) {
    const old = o.source.getFeatureById(id);
    if (!old) return;
    o.source.removeFeature(old as Feature);
    (old as Feature).dispose();
  }
}
