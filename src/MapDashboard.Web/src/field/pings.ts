import { outbox, type PingInput } from './outbox';

/** Positions are gathered and queued as one batch this often (the ingest takes batches; a phone saves radio). */
export const BATCH_MS = 10_000;

export interface Fix { lon: number; lat: number; accuracy: number | null; at: Date }

/**
 * Watches the phone's position (navigator.geolocation.watchPosition): every fix is shown at once (`onFix`) and kept;
 * every BATCH_MS the kept ones go to the outbox as one ping batch of `worker` (the person the account is bound to).
 */
export function startPings(worker: string, onFix: (fix: Fix) => void): void {
  let batch: PingInput[] = [];
  navigator.geolocation.watchPosition((p) => {
    const fix = { lon: p.coords.longitude, lat: p.coords.latitude, accuracy: p.coords.accuracy ?? null, at: new Date(p.timestamp || Date.now()) };
    onFix(fix);
    batch.push({ worker, recordedAt: fix.at.toISOString(), lon: fix.lon, lat: fix.lat, accuracy: fix.accuracy === null ? null : Math.min(fix.accuracy, 9999) });
  }, (e) => console.warn(`geolocation: ${e.message}`), { enableHighAccuracy: true, maximumAge: 0 });
  window.setInterval(() => {
    if (batch.length === 0) return;
    const pings = batch;
    batch = [];
    void outbox.add({ pings });
  }, BATCH_MS);
}
