/**
 * Runs `load` now, every `everyMs`, and shortly after `soon()` (debounced: a burst of live
 * changes costs one reload). Never two loads at once: a call during a load queues one more,
 * and its promise resolves after that one. A failed load keeps what is shown.
 */
export function refresher(load: () => Promise<unknown>, everyMs: number, debounceMs = 800) {
  let inflight: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  const once = async () => {
    try { await load(); } catch (e) { console.warn(`refresh failed: ${e instanceof Error ? e.message : String(e)}`); }
  };
  function run(): Promise<void> {
    if (!inflight) return (inflight = once().finally(() => { inflight = null; }));
    return (queued ??= inflight.then(() => { queued = null; return run(); }));
  }
  setInterval(() => void run(), everyMs);
  void run();
  return {
    now: run,
    soon() { clearTimeout(debounce); debounce = setTimeout(() => void run(), debounceMs); },
  };
}
