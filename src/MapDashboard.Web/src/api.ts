// Typed fetches for the server's HTTP contract (src/MapDashboard.Server/README.md).
// Everything is EPSG:4326; bboxes are [minLon, minLat, maxLon, maxLat].
import type { LivePosition } from './live/protocol';
import type { IncidentEvent } from './live/incidentEvents';

export type BBox = [number, number, number, number];
export type GridStatus = 'red' | 'yellow' | 'blue';
export type UnitKind =
  | 'district' | 'street' | 'community'
  | 'community_grid' | 'dedicated_grid' | 'micro_grid' | 'police_grid';

export interface BaseLayerConfig { kind: 'offline' | 'xyz' | 'wmts'; url?: string; attribution?: string }
/**
 * One layer as the server declares it (GET /api/config): the client keeps no list of its own, only
 * each layer module's styling. minZoom/maxZoom are null for a layer without tiles.
 */
export interface LayerConfig {
  name: string;
  minZoom: number | null;
  maxZoom: number | null;
  tiles: boolean;
  live: boolean;
  properties: string[];
  personalData: string[];
}
export interface MapConfig {
  /** The district's time zone (IANA name): every time shown is in it. */
  timeZone?: string;
  center: [number, number];
  zoom: number;
  extent: BBox;
  baseLayer: BaseLayerConfig;
  layers: LayerConfig[];
  /** The live link: how long the hub may be silent before the link counts as lost. */
  live?: { serverTimeoutMilliseconds: number };
}

/** One rule of GridStatusRule that fired for a grid: a code and its figures, worded by ui/gridReasons.ts. */
export interface GridReason { rule: string; value: number; threshold: number }

export interface TerritoryUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  status: GridStatus;
  /** Why a grid has its colour (grids only; absent from search answers). */
  reasons?: GridReason[];
  bbox: BBox;
}

export interface Category { code: string; nameZh: string; nameEn: string }

/** A place a search hit or an overview row names: code and name. */
export interface Named { code: string; name: string }

/**
 * One hit of GET /api/territory/search, by what it is (`match`): a unit (the unit's own fields), a person (their name
 * masked, under `person`; only where the account may see people), a building, a compound (小区), an incident, a
 * finding. Every hit says where to look (bbox, a point) and the patrol grid whose card it opens.
 */
export type SearchHit = { bbox: BBox; position?: [number, number] | null; grid?: Named | null } & (
  | ({ match: 'unit' } & TerritoryUnit)
  | { match: 'person'; code: string; role: string; unit: string; person: { code: string; name?: string } }
  | { match: 'building'; code: string; name: string; compound: string | null }
  | { match: 'compound'; code: string; name: string; buildings: number }
  | { match: 'incident'; code: string; category: string; stage: Stage; description: string; overdue: boolean }
  | { match: 'finding'; id: number; code: string; kind: string; status: string; units: string[] });

/** GET /api/territory/{code}/overview: a community's or street's totals and open incidents (no personal data). */
/** A grid of an overview, as the territory tree gives it (what ui/gridReasons.ts counts). */
export type OverviewGrid = Pick<TerritoryUnit, 'code' | 'name' | 'kind' | 'status' | 'reasons'>;

export interface UnitOverview {
  code: string;
  name: string;
  kind: UnitKind;
  parent: (Named & { kind: UnitKind }) | null;
  bbox: BBox;
  geometry: unknown;
  /** `list`: each grid with its colour and reasons, counted by reason as the wall legend counts them. */
  grids: { total: number; red: number; yellow: number; blue: number; list: OverviewGrid[] };
  incidents: { open: number; overdue: number };
  /** share: visited / assets of its patrolled grids in the last 24 h; null while no patrol is tracked. */
  coverage: { tracked: boolean; assets: number; visited: number; share: number | null };
  findings: { total: number; byKind: { kind: string; count: number }[] };
  workers: { total: number; onPatrol: number };
  openIncidents: {
    code: string; category: string; description: string; stage: Stage; reportedAt: string; stageDueAt: string | null;
    overdue: boolean; location: [number, number]; grid: Named | null; building: Named | null;
  }[];
}

export interface GridSummary {
  code: string;
  name: string;
  kind: UnitKind;
  status: GridStatus;
  reasons: GridReason[];
  bbox: BBox;
  community: { code: string; name: string } | null;
  street: { code: string; name: string } | null;
  /** name and phone: masked by default, full when revealed, absent (removed) outside the viewer's jurisdiction. */
  gridWorker: { code: string; name?: string; phone?: string } | null;
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

export type Stage = 'reported' | 'dispatched' | 'accepted' | 'resolved' | 'rated' | 'closed';
export type Escalation = 'grid' | 'community' | 'street';

/** One row of GET /api/incidents: no personal data. grid and responsibleUnit are unit codes. */
export interface IncidentSummary {
  code: string;
  category: string;
  stage: Stage;
  location: [number, number];
  reportedAt: string;
  stageDueAt: string | null;
  overdue: boolean;
  escalation: Escalation;
  grid: string | null;
  responsibleUnit: string | null;
  /** Its name: a micro-grid is not in the territory tree. */
  responsibleUnitName: string | null;
  ownershipUnclear: boolean;
  reports: number;
  /** What was said and where: the grid a reader knows by name, and the building within 30 m (the desk's queue). */
  description?: string;
  place?: { grid: Named | null; building: { code: string; name: string; compound: string | null } | null };
}

/** Whom the dispatch desk may send an incident to (GET /api/incidents/{code}/assignees), best first. */
export interface AssigneeCandidate {
  kind: 'grid_worker' | 'volunteer' | 'co_building_unit';
  /** A person: the name masked, or absent outside the account's jurisdiction. */
  person: { code: string; name?: string } | null;
  organisation: Named | null;
  grid: Named;
  ownGrid: boolean;
  distanceM: number;
  measuredFrom: 'position' | 'grid';
  openTasks: number;
  /** Has the incident now. */
  current: boolean;
}
export interface Assignees { incident: string; grid: Named | null; candidates: AssigneeCandidate[] }

/** A desk step (POST /api/incidents/{code}/{action}); answers the incident as it is after it. */
export type DeskStep = 'dispatch' | 'reassign' | 'escalate' | 'link' | 'close';

/**
 * One history line as codes: what the system did is `event` with `params` (worded by ui/historyText.ts in
 * the reader's language); `note` is only what a person typed; system actors are codes (system:…, demo:…).
 */
export interface IncidentHistoryEntry {
  kind: 'transition' | 'escalation' | 'duplicate';
  from: string | null;
  to: string | null;
  actor: string;
  event: string | null;
  params: Record<string, unknown>;
  note: string;
  at: string;
  /** Whom a dispatch or reassignment sent it to (the person's name masked, or absent outside the jurisdiction). */
  assignedPerson?: { code: string; name?: string; role: string } | null;
  assignedOrganisation?: Named | null;
}

export interface FindingHistoryEntry {
  from: string | null;
  to: string;
  actor: string;
  event: string | null;
  params: Record<string, unknown>;
  note: string;
  at: string;
}

/** GET /api/incidents/{code} (the parts the map shows). */
export interface IncidentDetail {
  code: string;
  category: Category;
  description: string;
  stage: Stage;
  reportedAt: string;
  stageDueAt: string | null;
  overdue: boolean;
  escalation: Escalation;
  responsibleUnit: { code: string; name: string; kind: string } | null;
  worker: { code: string; name?: string; role?: string } | null;
  /** A co-building unit the desk sent it to instead of a person. */
  organisation?: (Named & { kind: string }) | null;
  /** The incident this one was linked to as the same problem. */
  duplicateOf?: string | null;
  grid?: Named | null;
  location?: [number, number];
  ownershipUnclear: boolean;
  ownershipReason: string | null;
  rating: number | null;
  reports: number;
  history: IncidentHistoryEntry[];
  /** Ownership-unclear findings at the incident's point: why routing chose its owner. */
  findings: { id: number; kind: string; status: string; areaM2: number | null; explanation: { zh: string; en: string } }[];
  /** The finding this incident is the case of, when it was opened from one. */
  caseOf: { id: number; kind: string; status: string } | null;
}

/** GET /api/indicators/{unit}. Rates are shares (0..1), null when there is nothing to divide. */
export interface Indicators {
  unit: string;
  reportedToday: number;
  open: number;
  overdue: number;
  /** The one period every rate is counted over: local days from..to (Incidents:TimeZone). */
  period: { days: number; from: string; to: string };
  reported30d: number;
  closed30d: number;
  closedOnTime30d: number;
  rated30d: number;
  satisfied30d: number;
  closureRate: number | null;
  onTimeClosureRate: number | null;
  averageRating: number | null;
  satisfactionRate: number | null;
  /** Share of the unit's buildings and hazard points visited in the last 24 h; young: the patrol record is shorter than that. */
  patrolCoverage: { window: string; total: number; visited: number; share: number | null; historyHours: number | null; young: boolean | null };
}

export interface FindingProperties {
  code: string;
  kind: string;
  status: string;
  areaM2: number | null;
  lengthM: number | null;
  units: string[];
  /** The asset an ownerless, unmanaged or disputed finding is about: a building by name, a hazard by its category. */
  asset: { kind: 'building' | 'hazard'; code: string; name: string | null; category: string | null } | null;
  /** What to do about it (see ui/findingFix.ts): an action code and the units it names by code. */
  suggestedFix: SuggestedFix | null;
  /** The name of every unit and organisation code the finding and its fix name. */
  names: Record<string, string>;
  defaultOwner: { code: string; name: string; kind: string } | null;
  explanation: { zh: string; en: string };
  assignee: string | null;
  /** The incident that follows this finding up, once it is opened as a case. */
  caseIncidentCode: string | null;
  history?: FindingHistoryEntry[];
}
export interface SuggestedFix { action: string; unit?: string; units?: string[]; community?: string; sharedEdgeM?: number }
export interface Finding { type: 'Feature'; id: number; geometry: unknown; properties: FindingProperties }
export interface FindingCollection { type: 'FeatureCollection'; features: Finding[] }

/**
 * A refusal or failure of the server: its HTTP status and the problem details' `detail` (English, for logs and
 * support). What a person reads is worded from the status by ui/errorText.ts in their language.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly detail: string;
  readonly traceId: string | null;
  constructor(message: string, status: number, detail: string, traceId: string | null) {
    super(message);
    this.status = status;
    this.detail = detail;
    this.traceId = traceId;
  }
}

/** Problem details carry a `detail` that names what is wrong; show that, not just the status. */
async function problem(res: Response): Promise<{ detail: string; traceId: string | null }> {
  try {
    const body = await res.json();
    return { detail: body.detail ?? res.statusText, traceId: body.traceId ?? null };
  } catch { return { detail: res.statusText, traceId: null }; }
}

/**
 * The session expired or was revoked (401 on a same-origin call made with the sign-in cookie): back to the
 * sign-in page, which returns here afterwards.
 */
function signInAgain(res: Response): void {
  if (res.status === 401) location.assign(`/signin?returnUrl=${encodeURIComponent(location.pathname + location.search)}`);
}

export async function getJson<T>(url: string, cache: RequestCache = 'default'): Promise<T> {
  const res = await fetch(url, { headers: { Accept: 'application/json' }, cache });
  signInAgain(res);
  if (!res.ok) {
    const p = await problem(res);
    throw new ApiError(`${url}: ${res.status} ${p.detail}`, res.status, p.detail, p.traceId);
  }
  return res.json() as Promise<T>;
}

// The session's anti-forgery token: every write signed in with the cookie sends it as X-CSRF-TOKEN
// (the server refuses a cookie write without it). Read once from GET /api/auth/csrf, or set by the
// sign-in answer.
let csrf: Promise<string | null> | null = null;
export function setCsrfToken(token: string | null): void { csrf = Promise.resolve(token); }
function csrfToken(): Promise<string | null> {
  csrf ??= fetch('/api/auth/csrf', { headers: { Accept: 'application/json' }, cache: 'no-store' })
    .then(async (r) => (r.ok ? ((await r.json()) as { token: string | null }).token : null))
    // Not kept when there was no connection (the field page works offline): asked again on the next write.
    .catch(() => { csrf = null; return null; });
  return csrf;
}

/** The anti-forgery header for a write the page sends itself (the field page's outbox: multipart, Idempotency-Key). */
export async function csrfHeader(): Promise<Record<string, string>> {
  const token = await csrfToken();
  return token ? { 'X-CSRF-TOKEN': token } : {};
}

/** POST/PUT/DELETE with a JSON body; a problem-details answer becomes an Error naming what is wrong. */
export async function sendJson<T>(method: 'POST' | 'PUT' | 'DELETE' | 'PATCH', url: string, body?: unknown): Promise<T> {
  const token = await csrfToken();
  const res = await fetch(url, {
    method,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...(token ? { 'X-CSRF-TOKEN': token } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  signInAgain(res);
  if (!res.ok) {
    const p = await problem(res);
    throw new ApiError(p.detail, res.status, p.detail, p.traceId);
  }
  return (res.status === 204 ? undefined : await res.json()) as T;
}

export const api = {
  config: () => getJson<MapConfig>('/api/config'),
  territory: () => getJson<TerritoryUnit[]>('/api/territory'),
  search: (q: string) => getJson<SearchHit[]>(`/api/territory/search?q=${encodeURIComponent(q)}`),
  overview: (code: string) => getJson<UnitOverview>(`/api/territory/${encodeURIComponent(code)}/overview`, 'no-store'),
  /** reveal: personal data unmasked (entitled accounts, inside their jurisdiction; audited), never from the HTTP cache. */
  grid: (code: string, reveal = false) => reveal
    ? getJson<GridCollection>(`/api/grids/${encodeURIComponent(code)}?reveal=true`, 'no-store')
    : getJson<GridCollection>(`/api/grids/${encodeURIComponent(code)}`),
  categories: () => getJson<Category[]>('/api/categories'),
  incidents: (query: Record<string, string | number | boolean>) => getJson<IncidentSummary[]>(
    `/api/incidents?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`, 'no-store'),
  incident: (code: string, reveal = false) =>
    getJson<IncidentDetail>(`/api/incidents/${encodeURIComponent(code)}${reveal ? '?reveal=true' : ''}`, 'no-store'),
  indicators: (unit: string) => getJson<Indicators>(`/api/indicators/${encodeURIComponent(unit)}`, 'no-store'),
  /** The latest reports and stage changes (GET /api/incidents/feed): the wall's feed at start. */
  incidentFeed: (limit: number) => getJson<IncidentEvent[]>(`/api/incidents/feed?limit=${limit}`, 'no-store'),
  findings: (unit: string) => getJson<FindingCollection>(`/api/findings?unit=${encodeURIComponent(unit)}`, 'no-store'),
  /** Opens a finding as a case: an incident dispatched to its default owner (POST /api/findings/{id}/case). */
  openFindingCase: (id: number) => sendJson<Finding>('POST', `/api/findings/${id}/case`, { actor: 'leader' }),
  finding: (id: number | string) => getJson<Finding & { history: FindingProperties['history'] }>(`/api/findings/${encodeURIComponent(String(id))}`, 'no-store'),
  assignees: (code: string) => getJson<Assignees>(`/api/incidents/${encodeURIComponent(code)}/assignees`, 'no-store'),
  /** The desk acts as "leader" (a role actor every client words); who it was is on the audit trail. */
  deskStep: (code: string, step: DeskStep, body: { assignee?: string; duplicateOf?: string; note?: string } = {}) =>
    sendJson<IncidentDetail>('POST', `/api/incidents/${encodeURIComponent(code)}/${step}`, { actor: 'leader', ...body }),
  // Never from the HTTP cache: a stale seq would let the snapshot miss changes.
  livePosition: () => getJson<LivePosition>('/api/live/position', 'no-store'),
};
