import type { HubConnection } from '@microsoft/signalr';
import type OlMap from 'ol/Map';
import { api } from '../api';
import { patrolApi } from '../patrolApi';
import type { MapContext } from '../map/createMap';
import { workerLayer } from '../layers/workers';
import { dotsMap } from '../map/animationMap';
import { liveBadge } from '../ui/liveBadge';
import { startConnection, type ConnectionState, type Transition } from './connection';
import { COMMIT_MS, LiveOverlays } from './overlays';
import { atMostEvery } from './throttle';
import { pulseLayer, type PulseAt } from './pulse';
import { patrolTileReloader } from './patrolTiles';
import { perFrame } from './perFrame';
import {
  SERVER_EVENTS, type ChangeBatch, type ChangeItem, type Heartbeat, type LiveLayer, type PositionBatch,
  type ResyncNotice, type SubscribeRequest, type SubscribeResult,
} from './protocol';

/** Saved routes are streamed only to a view that lists them (onRoute). */
const ROUTES: LiveLayer = 'routes';

/**
 * Past this many live features (or hidden deleted ones) the tiles are reloaded at the
 * current seq and the overlays emptied: a wall left on for weeks keeps flat memory.
 */
export const OVERLAY_CAP = 1000;

/** Live messages applied per frame at most this long (a message is applied whole, so one may run over). */
const FRAME_BUDGET_MS = 50;

/** What window.mapDashboard.live() reports. */
export interface LiveStatus {
  state: ConnectionState;
  /** Highest seq applied (changes and heartbeats): the next Subscribe's sinceSeq. */
  seq: number;
  /** Change items applied since the page opened (duplicates and other layers not counted). */
  applied: number;
  /** The seq the tiles on screen are stamped with. */
  snapshotSeq: number;
  /** Live features and hidden ids held over the tiles. */
  overlay: number;
  /** Features pulsing now, and pulses started since the page opened (the wall only). */
  pulsing: number;
  pulsed: number;
  /** Where the pulses on screen are drawn (page pixels). */
  pulses: PulseAt[];
  subscribes: number;
  resyncs: number;
  downSince: string | null;
  /** Reloads of the patrol tiles (tracks, coverage, unvisited) after pings. */
  patrolReloads: number;
  /** The link's newest state changes, each with why (a close's error, an attempt's timings). */
  transitions: Transition[];
  /** The page's own stalls the silence watch did not count against the link (silence.ts). */
  stalls: number;
  longestStallMs: number;
  /** The last Subscribe's round trip and the changes it replayed. */
  lastSubscribe: { ms: number; replayed: number; resync: boolean } | null;
  /** How often what arrived is put on the map, at most (ms). */
  commitMs: number;
}

export interface LiveOptions {
  /** The wall marks each new or changed feature for a few seconds. */
  pulse: boolean;
  /** Where the pulses are drawn (src/map/animationMap.ts): their frames then leave the map under them alone. */
  animationMap?: OlMap;
  /**
   * Where the worker dots are drawn (src/map/animationMap.ts): their moves then leave the map under them alone. Made
   * here unless given (the wall makes it first, to lay its animation map above it).
   */
  dotsMap?: OlMap;
  /** Told of every upserted feature's properties, for views that count or list them. */
  onFeature?(layer: LiveLayer, properties: Record<string, unknown>): void;
  /** Saved routes, upserted or deleted (the planner's list); subscribes to "routes" too. */
  onRoute?(item: ChangeItem): void;
  /** Told whenever the server's feed proves alive: a heartbeat, a change batch, a subscription answered. */
  onHeard?(): void;
}

/**
 * Makes a map live (PROTOCOL.md): the tiles were loaded at ctx.snapshotSeq; subscribe from
 * there, apply each change in place over the tiles, and keep resuming from the last applied
 * seq across any disconnect. Returns the connection badge for the view to place.
 */
export function startLive(ctx: MapContext, o: LiveOptions) {
  const { map } = ctx;
  const overlays = new LiveOverlays(map);
  const workers = workerLayer(ctx.palette, map.getView().getProjection().getCode());
  workers.place(map, o.dotsMap ?? dotsMap(map));
  // The snapshot of positions; the `positions` stream replaces them as workers move.
  patrolApi.workers().then(workers.load, (e) => console.warn(`worker positions: ${e instanceof Error ? e.message : String(e)}`));
  const patrolTiles = patrolTileReloader(map);
  // Every layer the server streams (its declaration, from /api/config).
  const layers: LiveLayer[] = ctx.config.layers.filter((l) => l.live && (l.name !== ROUTES || o.onRoute)).map((l) => l.name);
  const pulses = o.pulse ? pulseLayer(o.animationMap ?? map, ctx.palette) : null;
  const badge = liveBadge();

  let seq = ctx.snapshotSeq;
  let snapshotSeq = ctx.snapshotSeq;
  let applied = 0;
  let subscribes = 0;
  let resyncs = 0;
  let hub: HubConnection | null = null;
  let lastSubscribe: LiveStatus['lastSubscribe'] = null;

  // The whole district for every view for now; a street's desk could narrow it later.
  const request = (): SubscribeRequest => ({
    layers,
    area: ctx.district ? { kind: 'district', id: ctx.district.code } : undefined,
    sinceSeq: seq,
  });

  async function subscribe(connection: HubConnection) {
    hub = connection;
    const began = performance.now();
    const result = await connection.invoke<SubscribeResult>('Subscribe', request());
    lastSubscribe = { ms: Math.round(performance.now() - began), replayed: result.replayed, resync: result.resync };
    subscribes++;
    o.onHeard?.();
    // Everything up to result.seq has been replayed before the answer (one ordered link): queued behind the replay,
    // so ours moves only once the replay is applied — a frame's share at a time, not in one task that a city's
    // thousands of replayed changes made last longer than the hub waits for a ping.
    // On resync the `resync` handler reloads and subscribes again.
    if (!result.resync) enqueue(() => { seq = Math.max(seq, result.seq); });
  }

  // Reload the snapshot at the current position; `settled` resolves once the overlays it
  // makes redundant are gone. Subscribing need not wait for that: replays land above it.
  // `atLeast`: reload only the tile sources whose overlays hold this many entries (compaction: a city's stream of
  // hazard changes should not refetch every grid and territory tile each time); 0 = all (resync).
  async function reloadSnapshot(atLeast = 0) {
    const position = await api.livePosition();
    snapshotSeq = position.seq;
    return { seq: position.seq, settled: overlays.reload(position.seq, atLeast) };
  }

  // Live messages are queued in arrival order and taken once a frame (of a worker's positions only the latest is kept:
  // an older one would lose to it anyway). What they change on the map is put there at most every COMMIT_MS, all at once: the
  // overlays, the tiles' hidden ids and the worker dots, so the city is redrawn once every two seconds, not every frame.
  const queued: (() => void)[] = [];
  const positions = new Map<string | number, ChangeItem>();
  let positionsToSeq = 0;
  const commit = atMostEvery(COMMIT_MS, () => {
    overlays.commit();
    if (positions.size) {
      workers.apply([...positions.values()]);
      positions.clear();
      patrolTiles.poke(Math.max(seq, positionsToSeq));
    }
  });
  const inbox = perFrame(() => {
    const began = performance.now();
    let done = 0;
    while (done < queued.length && performance.now() - began < FRAME_BUDGET_MS) queued[done++]();
    queued.splice(0, done);
    if (done || positions.size) commit.schedule();
    if (queued.length) inbox.schedule(); // the rest next frame: the page keeps answering the hub meanwhile
  });
  const enqueue = (job: () => void) => { queued.push(job); inbox.schedule(); };
  function queuePositions(batch: PositionBatch) {
    for (const item of batch.items) {
      const held = positions.get(item.id);
      if (!held || held.seq <= item.seq) positions.set(item.id, item);
    }
    positionsToSeq = Math.max(positionsToSeq, batch.toSeq);
    inbox.schedule();
  }

  function onChanges(batch: ChangeBatch) {
    o.onHeard?.();
    let fresh = 0;
    for (const item of batch.items) {
      if (item.seq <= seq) continue; // a replay overlapping what we have: applied once only
      if (item.layer === ROUTES) o.onRoute?.(item);
      const feature = overlays.apply(item);
      if (item.feature) o.onFeature?.(item.layer, item.feature.properties);
      const key = `${item.layer}/${item.id}`;
      if (feature) pulses?.add(key, feature);
      else pulses?.remove(key);
      seq = item.seq;
      fresh++;
    }
    // Absent seqs in (fromSeq, toSeq] concerned others: we are current up to toSeq.
    seq = Math.max(seq, batch.toSeq);
    applied += fresh;
    if (overlays.size > OVERLAY_CAP) void compact();
  }

  let compacting = false;
  async function compact() {
    if (compacting) return;
    compacting = true;
    // Every overlay past a tenth of the cap: what stays over the tiles is then under the cap whatever the layer count.
    try { await (await reloadSnapshot(OVERLAY_CAP / 10)).settled; } catch { /* the server is away: the next change tries again */ }
    compacting = false;
  }

  async function onResync(notice: ResyncNotice) {
    resyncs++;
    console.warn(`live: resync (${notice.reason}); reloading the snapshot`);
    try {
      // The old stream is over: the log no longer reaches our seq, or the database is another one.
      seq = (await reloadSnapshot()).seq;
      if (hub) await subscribe(hub);
    } catch {
      // Down again mid-resync: drop the link, so the reconnect loop resubscribes from `seq`.
      void hub?.stop();
    }
  }

  const connection = startConnection({
    register(c) {
      c.on(SERVER_EVENTS.changes, (batch: ChangeBatch) => enqueue(() => onChanges(batch)));
      c.on(SERVER_EVENTS.positions, queuePositions);
      // In the same queue as the changes: a heartbeat's seq must not overtake changes not applied yet. Heard at
      // once, though: the stale-data banner judges the link, not the frame queue.
      c.on(SERVER_EVENTS.heartbeat, (hb: Heartbeat) => { o.onHeard?.(); enqueue(() => { seq = Math.max(seq, hb.seq); }); });
      c.on(SERVER_EVENTS.resync, (notice: ResyncNotice) => { inbox.now(); void onResync(notice); });
    },
    connected: subscribe,
    state: (state, downSince) => badge.set(state, downSince),
  }, ctx.config.live?.serverTimeoutMilliseconds);

  const status = (): LiveStatus => ({
    state: connection.state(),
    seq,
    applied,
    snapshotSeq,
    overlay: overlays.size,
    pulsing: pulses?.count() ?? 0,
    pulsed: pulses?.total() ?? 0,
    pulses: pulses?.placed() ?? [],
    subscribes,
    resyncs,
    downSince: connection.downSince()?.toISOString() ?? null,
    patrolReloads: patrolTiles.reloads(),
    transitions: connection.transitions(),
    ...connection.silence(),
    lastSubscribe,
    commitMs: COMMIT_MS,
  });
  return { badge: badge.element, status };
}
