// Typed fetches for the patrol part of the HTTP contract (src/MapDashboard.Server/README.md):
// worker positions, saved routes, route analysis, planned vs walked, suggestions, grid coverage.
// EPSG:4326, lon/lat order; dates are YYYY-MM-DD, times ISO-8601 with offset.
import { getJson, sendJson } from './api';
import { districtDay } from './timeZone';

export type LonLat = [number, number];
export interface LineStringJson { type: 'LineString'; coordinates: LonLat[] }
/** A GeoJSON geometry as the server writes it (Polygon, MultiPolygon, MultiLineString…). */
export interface GeometryJson { type: string; coordinates: unknown }

export type CoverageWindow = 'today' | '24h' | '7d';
export type StopKind = 'building' | 'hazard';

/** GET /api/patrols/workers: the latest trusted ping per worker (null where none yet). */
export interface WorkerPosition {
  code: string;
  /** Absent outside the account's jurisdiction (personal data is removed there), masked inside unless revealed. */
  name?: string;
  grid: string | null;
  lon: number | null;
  lat: number | null;
  recordedAt: string | null;
  ageSeconds: number | null;
  accuracy: number | null;
}

export interface RouteProperties {
  name: string;
  plannedFor: string | null;
  grid: string | null;
  worker: string | null;
  workerName?: string | null;
  metres?: number;
}
export interface RouteFeature { type: 'Feature'; id: number; geometry: LineStringJson; properties: RouteProperties }
export interface RouteCollection { type: 'FeatureCollection'; features: RouteFeature[] }

export interface RouteBody { name: string; path: LineStringJson; grid?: string; worker?: string; plannedFor?: string }

export interface Stop { kind: StopKind; code: string; name: string }
export interface PlacedStop extends Stop { lon: number; lat: number }

/** POST /api/routes/analysis. */
export interface RouteAnalysis {
  metres: number;
  walkingMinutes: number;
  radiusMetres: number;
  grid: string | null;
  areaShare: number | null;
  covered: GeometryJson | null;
  passes: Stop[];
  /** `owed`: the grid still owes it a visit today (unvisited today, or due for a revisit). */
  misses: (PlacedStop & { owed?: boolean })[];
}

/** GET /api/routes/{id}/comparison. */
export interface RouteComparison {
  route: number;
  date: string;
  worker: string | null;
  radiusMetres: number;
  /** When the route was given to its worker in its present shape; walking counts from `from` (the later of it and the day's start) to `to`. */
  assignedAt: string | null;
  from: string;
  to: string;
  routeMetres: number;
  followedMetres: number;
  followedShare: number | null;
  stops: (Stop & { visited: boolean; visitedAt: string | null })[];
  skipped: number;
  walked: GeometryJson | null;
  followed: GeometryJson | null;
  missed: GeometryJson | null;
}

/**
 * POST /api/grids/{code}/route-suggestion. `allVisited`: nothing in the grid is owed a visit in the window
 * (no stops, and `path` is null); otherwise `path` runs from the start through the stops.
 */
export interface RouteSuggestion {
  allVisited: boolean;
  window: CoverageWindow;
  path: LineStringJson | null;
  stops: PlacedStop[];
  metres: number;
  walkingMinutes: number;
  start: LonLat;
}

/** GET /api/grids/{code}/coverage?window=. */
export interface GridCoverage {
  grid: string;
  window: CoverageWindow;
  from: string;
  to: string;
  radiusMetres: number;
  areaShare: number | null;
  visitShare: number | null;
  covered: GeometryJson | null;
  buildings: { total: number; visited: number };
  hazards: { total: number; visited: number };
  visited: (Stop & { lastVisitedAt: string })[];
  unvisited: PlacedStop[];
  revisitDue: { code: string; name: string; dueAt: string; lastVisitedAt: string | null; lon: number; lat: number }[];
  /** Walking inside this grid, beside the worker's whole walk in the window. */
  workers: { code: string; name: string; metresInGrid: number; minutesInGrid: number; metres: number; minutesTotal: number }[];
}

const enc = encodeURIComponent;
export const lineJson = (path: LonLat[]): LineStringJson => ({ type: 'LineString', coordinates: path });

export const patrolApi = {
  // Positions and analyses change by the second: never from the HTTP cache.
  workers: () => getJson<WorkerPosition[]>('/api/patrols/workers', 'no-store'),
  routes: (date: string) => getJson<RouteCollection>(`/api/routes?date=${enc(date)}`, 'no-store'),
  createRoute: (body: RouteBody) => sendJson<RouteFeature>('POST', '/api/routes', body),
  updateRoute: (id: number, body: RouteBody) => sendJson<RouteFeature>('PUT', `/api/routes/${id}`, body),
  deleteRoute: (id: number) => sendJson<null>('DELETE', `/api/routes/${id}`),
  analyse: (path: LineStringJson, grid?: string) => sendJson<RouteAnalysis>('POST', '/api/routes/analysis', grid ? { path, grid } : { path }),
  comparison: (id: number) => getJson<RouteComparison>(`/api/routes/${id}/comparison`, 'no-store'),
  suggest: (grid: string, worker?: string) =>
    sendJson<RouteSuggestion>('POST', `/api/grids/${enc(grid)}/route-suggestion`, worker ? { worker } : {}),
  coverage: (grid: string, window: CoverageWindow) =>
    getJson<GridCoverage>(`/api/grids/${enc(grid)}/coverage?window=${window}`, 'no-store'),
};

/** Today in the district's time zone as YYYY-MM-DD (the planner's day: the server's days are the district's). */
export const today = (): string => districtDay();
