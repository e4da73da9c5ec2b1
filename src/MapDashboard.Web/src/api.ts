// Typed fetches for the server's HTTP contract (src/MapDashboard.Server/README.md).
// Everything is EPSG:4326; bboxes are [minLon, minLat, maxLon, maxLat].
import type { LivePosition } from './live/protocol';

export type BBox = [number, number, number, number];
export type GridStatus = 'red' | 'yellow' | 'blue';
export type UnitKind =
  | 'district' | 'street' | 'community'
  | 'community_grid' | 'dedicated_grid' | 'micro_grid' | 'police_grid';

export interface BaseLayerConfig { kind: 'offline' | 'xyz' | 'wmts'; url?: string; attribution?: string }
export interface TileLayerConfig { name: string; minZoom: number; maxZoom: number }
export interface MapConfig {
  center: [number, number];
  zoom: number;
  extent: BBox;
  baseLayer: BaseLayerConfig;
  tileLayers: TileLayerConfig[];
}

export interface TerritoryUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  status: GridStatus;
  bbox: BBox;
}

export interface Category { code: string; nameZh: string; nameEn: string }

export interface GridSummary {
  code: string;
  name: string;
  kind: UnitKind;
  status: GridStatus;
  bbox: BBox;
  community: { code: string; name: string } | null;
  street: { code: string; name: string } | null;
  gridWorker: { code: string; name: string; phone: string } | null;
  buildingCount: number;
  households: number;
  residents: number;
  hazardCount: number;
  openHazardCount: number;
}

export interface GeoJsonFeature {
  type: 'Feature';
  id?: string | number;
  geometry: unknown;
  properties: Record<string, unknown> & { layer?: 'grid' | 'building' | 'hazard' };
}
export interface GridCollection {
  type: 'FeatureCollection';
  grid: GridSummary;
  features: GeoJsonFeature[];
}

async function getJson<T>(url: string, cache: RequestCache = 'default'): Promise<T> {
  const res = await fetch(url, { headers: { Accept: 'application/json' }, cache });
  if (!res.ok) {
    // Problem details carry a `detail` that names what is wrong; show that, not just the status.
    let detail = res.statusText;
    try { detail = (await res.json()).detail ?? detail; } catch { /* not JSON */ }
    throw new Error(`${url}: ${res.status} ${detail}`);
  }
  return res.json() as Promise<T>;
}

export const api = {
  config: () => getJson<MapConfig>('/api/config'),
  territory: () => getJson<TerritoryUnit[]>('/api/territory'),
  search: (q: string) => getJson<TerritoryUnit[]>(`/api/territory/search?q=${encodeURIComponent(q)}`),
  grid: (code: string) => getJson<GridCollection>(`/api/grids/${encodeURIComponent(code)}`),
  categories: () => getJson<Category[]>('/api/categories'),
  // Never from the HTTP cache: a stale seq would let the snapshot miss changes.
  livePosition: () => getJson<LivePosition>('/api/live/position', 'no-store'),
};
