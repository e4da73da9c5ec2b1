import TileLayer from 'ol/layer/Tile';
import XYZ from 'ol/source/XYZ';
import type { BaseLayerConfig } from '../api';

// An optional online base map (e.g. Tianditu) named by /api/config. The default is
// 'offline': our own roads and water tiles. WMTS is taken as a KVP or REST URL
// template on the Web Mercator matrix set (Tianditu's w_ layers), whose TileMatrix
// is the zoom level, so XYZ can drive it without a capabilities round trip.
// GCJ-02 commercial maps (AMap, Tencent) would be offset ~500 m: do not configure them.
export function externalBaseLayer(cfg: BaseLayerConfig): TileLayer | null {
  if (cfg.kind === 'offline' || !cfg.url) return null;
  const url = cfg.kind === 'wmts'
    ? cfg.url.replace(/\{TileMatrix\}/gi, '{z}').replace(/\{TileRow\}/gi, '{y}').replace(/\{TileCol\}/gi, '{x}')
    : cfg.url;
  return new TileLayer({
    source: new XYZ({ url, attributions: cfg.attribution, crossOrigin: 'anonymous' }),
    zIndex: 0,
    properties: { name: 'externalBase' },
  });
}
