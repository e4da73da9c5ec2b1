// The live contract of /hubs/map, version 1: src/MapDashboard.Server/Live/PROTOCOL.md.
// Types only, mirroring that page, so a change of the contract shows up as a type error here.

export const PROTOCOL_VERSION = 1;
export const HUB_URL = '/hubs/map';

/** GET /api/live/position: the seq a snapshot read after it is at least as new as. */
export interface LivePosition { seq: number; prunedThrough: number; protocol: number }

/** A layer GET /api/config lists with `live: true` (the server's declaration is the one list). */
export type LiveLayer = string;

export interface GeoJsonFeature {
  type: 'Feature';
  id: number;
  geometry: { type: string; coordinates: unknown };
  properties: Record<string, unknown>;
}

export interface ChangeItem {
  seq: number;
  layer: LiveLayer;
  id: number;
  op: 'upsert' | 'delete';
  /** EPSG:4326; null for a delete (which also means "left your area"). */
  feature: GeoJsonFeature | null;
}

export interface ChangeBatch { fromSeq: number; toSeq: number; items: ChangeItem[] }
/** Coalesced latest worker positions: not part of the seq stream. */
export interface PositionBatch { toSeq: number; items: ChangeItem[] }
export interface Heartbeat { seq: number }
export interface ResyncNotice { reason: string; seq: number }

export interface SubscribeRequest {
  layers?: LiveLayer[];
  /** Omitted: the whole database (the wall watches the whole district). */
  area?: { kind: 'district' | 'street' | 'community' | 'grid'; id: string } | { kind: 'bbox'; bbox: [number, number, number, number] };
  sinceSeq?: number;
}
export interface SubscribeResult { protocol: number; seq: number; replayed: number; resync: boolean }

/** Server → client method names (SignalR matches them case-insensitively). */
export const SERVER_EVENTS = { changes: 'changes', positions: 'positions', heartbeat: 'heartbeat', resync: 'resync' } as const;
