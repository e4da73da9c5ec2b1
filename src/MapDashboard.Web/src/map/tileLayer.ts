import VectorTileLayer from 'ol/layer/VectorTile';
import VectorTileSource, { type Options as VectorTileOptions } from 'ol/source/VectorTile';
import type { FeatureLike } from 'ol/Feature';
import MVT from 'ol/format/MVT';
import { createXYZ } from 'ol/tilegrid';
import type { StyleFunction } from 'ol/style/Style';
import type { LayerConfig } from '../api';
import { retryingTileLoad } from './tileRetry';

// Beyond this zoom the client over-zooms: a z16 tile at extent 4096 is ~15 cm per unit,
// finer than any of our data, and z17..z22 requests would only multiply server work.
const CLIENT_MAX_TILE_ZOOM = 16;

/**
 * What every tile layer needs from the server before it may load a tile: the layers it
 * declares (zoom limits, whether live) from /api/config, and the live feed's seq the
 * snapshot is stamped with.
 */
export interface TileSetup {
  layers: LayerConfig[];
  /** The seq from GET /api/live/position, read before any tile (see src/live/). */
  version: number;
  /**
   * How a tile's image is drawn when the view lies between two zoom levels (see `TileResampling`), asked at each
   * render (a desk's answer follows its zoom); linear by default.
   */
  resampling?: () => TileResampling;
}

/**
 * A vector tile's polygons and lines are drawn once into an image at its zoom level ('hybrid' below), and that image
 * is scaled onto the map at the view's fractional zoom. With linear resampling (OpenLayers' only choice for vector
 * tiles) chromium's software rasteriser filters every pixel of every tile at every redraw: on the wall's city view
 * (zoom 13.29) a redraw cost 44–62 ms of main-thread CPU, and 20–22 ms with nearest-neighbour, as little as at a whole
 * zoom level, where nothing is scaled (web README, "sixth round"). Nearest-neighbour repeats or skips a pixel row here
 * and there; the labels and point symbols are drawn as vectors either way.
 */
export type TileResampling = 'linear' | 'nearest';

/**
 * A vector tile source whose tile images are scaled as `resampling` says at each render (OpenLayers hard-codes
 * interpolation on for vector tiles; its tile renderer asks getInterpolate() every frame).
 */
class ResampledVectorTileSource extends VectorTileSource<FeatureLike> {
  private readonly resampling: () => TileResampling;

  constructor(options: VectorTileOptions<FeatureLike>, resampling: () => TileResampling) {
    super(options);
    this.resampling = resampling;
  }

  override getInterpolate(): boolean {
    return this.resampling() === 'linear';
  }
}

export interface TileLayerOptions {
  /** MVT layer name, also the URL segment and the live layer whose changes apply to it. */
  source: string;
  /** Name reported by the test hook (several OL layers can read one MVT layer). */
  name: string;
  style: StyleFunction;
  config: TileSetup;
  zIndex: number;
  declutter?: boolean;
  /** Where the tiles are served: '/tiles' (signed in, the default) or '/tiles/public' (the resident's map, no account). */
  path?: string;
  /** Level of detail: the layer draws, and loads tiles, only below this resolution (src/map/levelOfDetail.ts). */
  maxResolution?: number;
}

/** Whether a server offers a tile layer (an older server may not have the patrol layers). */
export const offersTiles = (config: TileSetup, name: string) => config.layers.some((c) => c.name === name && c.tiles);

export function mvtLayer(o: TileLayerOptions): VectorTileLayer {
  const cfg = o.config.layers.find((c) => c.name === o.source && c.tiles);
  if (!cfg) throw new Error(`the server declares no tile layer '${o.source}' (GET /api/config)`);
  const minZoom = cfg.minZoom ?? 0;
  const maxZoom = Math.max(minZoom, Math.min(cfg.maxZoom ?? CLIENT_MAX_TILE_ZOOM, CLIENT_MAX_TILE_ZOOM));
  const format = new MVT({ idProperty: undefined });
  const options: VectorTileOptions<FeatureLike> = {
    format,
    // A failed tile is fetched again until it arrives: never a hole in the wall's map (src/map/tileRetry.ts).
    tileLoadFunction: retryingTileLoad(format),
    url: tileUrl(o.path ?? SIGNED_IN_TILES, o.source, o.config.version),
    // The tile grid's minZoom clamps requests: a wall zoomed out below z13 still gets
    // z13 building tiles instead of asking the server for tiles it refuses (400).
    tileGrid: createXYZ({ minZoom, maxZoom, tileSize: 512 }),
    // No fade-in: a wall display gains nothing from it, and a screenshot taken mid-fade
    // would show half-transparent colours.
    transition: 0,
  };
  const resampling = o.config.resampling;
  const source = resampling ? new ResampledVectorTileSource(options, resampling) : new VectorTileSource(options);
  const layer = new VectorTileLayer({
    source,
    style: o.style,
    zIndex: o.zIndex,
    maxResolution: o.maxResolution,
    declutter: o.declutter ?? false,
    // 'hybrid' keeps polygons as cached images while panning; text/points redraw crisply.
    renderMode: 'hybrid',
    // live = false for layers the hub does not stream (tracks, coverage, unvisited): they get no
    // live overlay and are reloaded as a whole instead (patrolTiles).
    properties: { name: o.name, styleFn: o.style, tileSource: o.source, tilePath: o.path ?? SIGNED_IN_TILES, live: cfg.live },
  });
  return layer;
}

// ?v=<seq> makes the URL of a tile new whenever the snapshot is: the browser's HTTP cache
// (tiles are public, max-age=60) can never hand back a tile older than the snapshot.
const SIGNED_IN_TILES = '/tiles';
const tileUrl = (path: string, source: string, version: number) => `${path}/${source}/{z}/{x}/{y}.mvt?v=${version}`;

/**
 * Reload a tile layer's snapshot at a newer seq. A new URL is a new source key, so
 * OpenLayers keeps drawing the old tiles until the new ones are in: no blank frame,
 * unlike source.refresh(), which drops the tiles first.
 */
export function setTileVersion(layer: VectorTileLayer, version: number): void {
  layer.getSource()!.setUrl(tileUrl(layer.get('tilePath') as string, layer.get('tileSource') as string, version));
}
