import { csrfHeader } from '../api';
import { outbox, type OutboxItem } from './outbox';

/** How often the outbox is tried while items wait, besides the browser's "online" event. */
const RETRY_MS = 10_000;

/** The server refused the item for good (a 4xx other than "busy"): it is dropped, and the page says why. */
export class Refused extends Error {}

/** A connection problem or a server that is busy: the item stays and is tried again. */
class TryLater extends Error {}

async function send(url: string, key: string, body: BodyInit, json: boolean): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Idempotency-Key': key, ...(json ? { 'Content-Type': 'application/json' } : {}), ...(await csrfHeader()) },
      body,
    });
  } catch {
    throw new TryLater(url);
  }
  if (res.ok) return res.json();
  // 409 "in progress" (an earlier send is still being handled), 429 and 5xx: try again later; a 401 waits for sign-in.
  if (res.status >= 500 || res.status === 429 || res.status === 401 || (res.status === 409 && res.headers.get('Content-Type')?.includes('problem')
      && (await res.clone().json() as { title?: string }).title === 'Request in progress')) throw new TryLater(url);
  let detail = res.statusText;
  try { detail = ((await res.json()) as { detail?: string }).detail ?? detail; } catch { /* not problem details */ }
  throw new Refused(detail);
}

const sendJson = (url: string, key: string, body: unknown) => send(url, key, JSON.stringify(body), true);

function sendPhotos(code: string, action: string, key: string, photos: Blob[]): Promise<unknown> {
  const form = new FormData();
  photos.forEach((p, i) => form.append('photo', p, `photo-${i + 1}.jpg`));
  return send(`/api/incidents/${encodeURIComponent(code)}/photos?action=${action}`, key, form, false);
}

/** One item, every request of it under keys derived from its id, so a resend repeats none of them. */
async function deliver(item: OutboxItem): Promise<void> {
  if (item.pings) await sendJson('/api/patrols/pings', item.id, { pings: item.pings });
  if (item.report) {
    const answer = await sendJson('/api/incidents', item.id, { ...item.report, actor: 'field' }) as { incident: { code: string } };
    if (item.photos?.length) await sendPhotos(answer.incident.code, 'report', `${item.id}.photos`, item.photos);
  }
  if (item.step) {
    if (item.photos?.length) await sendPhotos(item.step.code, item.step.action, `${item.id}.photos`, item.photos);
    await sendJson(`/api/incidents/${encodeURIComponent(item.step.code)}/${item.step.action}`, item.id,
      { actor: 'field', note: item.step.note });
  }
}

/**
 * Sends the outbox in order whenever the connection is back (the "online" event, and every RETRY_MS), stopping at the
 * first item that cannot get through now. `onRefused` hears of an item the server refused for good; `onSent` of each
 * delivered item.
 */
export function startUploader(o: { onRefused(detail: string): void; onSent(item: OutboxItem): void }): { flush(): Promise<void> } {
  let running: Promise<void> | null = null;
  async function drain(): Promise<void> {
    for (const item of await outbox.all()) {
      try {
        await deliver(item);
        await outbox.remove(item.id);
        o.onSent(item);
      } catch (e) {
        if (e instanceof Refused) { await outbox.remove(item.id); o.onRefused(e.message); continue; }
        return; // TryLater: keep this one and every later one, in order
      }
    }
  }
  const flush = () => (running ??= drain().finally(() => { running = null; }));
  window.addEventListener('online', () => void flush());
  window.setInterval(() => void flush(), RETRY_MS);
  return { flush };
}
