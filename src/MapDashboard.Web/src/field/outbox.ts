// The field page's outbox: every action and ping batch is written here first (IndexedDB, photos as Blobs) and sent
// from here, so nothing done without a connection is lost and a page reload keeps what is waiting. Each item's id is
// its Idempotency-Key: the server answers a resent item with its first answer instead of acting twice.

export interface PingInput { worker: string; recordedAt: string; lon: number; lat: number; accuracy: number | null }

export interface OutboxItem {
  /** Client-made, unique: the Idempotency-Key of the item's requests. */
  id: string;
  createdAt: string;
  /** A workflow step on a task (photos of that step first). */
  step?: { code: string; action: 'accept' | 'decline' | 'resolve'; note: string | null };
  /** A new problem seen on patrol (its photos after it, on the incident it became). */
  report?: { category: string; lat: number; lon: number; description: string };
  photos?: Blob[];
  pings?: PingInput[];
}

const DB = 'mapDashboard.field';
const STORE = 'outbox';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1);
    request.onupgradeneeded = () => { request.result.createObjectStore(STORE, { keyPath: 'id' }); };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB'));
  });
}

const database = open();

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await database;
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = act(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(request.result);
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB'));
  });
}

const listeners = new Set<(count: number) => void>();
async function changed(): Promise<void> {
  const count = await run('readonly', (s) => s.count());
  listeners.forEach((l) => l(count));
}

/** A fresh id: random, so two phones (or two tabs) never make the same one. */
export const newId = (): string => crypto.randomUUID();

export const outbox = {
  async add(item: Omit<OutboxItem, 'id' | 'createdAt'>): Promise<void> {
    await run('readwrite', (s) => s.put({ ...item, id: newId(), createdAt: new Date().toISOString() }));
    await changed();
  },
  /** Oldest first: a task is accepted before it is resolved. */
  async all(): Promise<OutboxItem[]> {
    const items = await run<OutboxItem[]>('readonly', (s) => s.getAll());
    return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  },
  async remove(id: string): Promise<void> {
    await run('readwrite', (s) => s.delete(id));
    await changed();
  },
  /** Told the number of waiting items now and on every change. */
  onCount(listener: (count: number) => void): void {
    listeners.add(listener);
    void changed();
  },
};
