// A hidden or throttled page gets no animation frames: the queue is still drained this often, so it never grows.
const FALLBACK_MS = 250;

/**
 * Calls `flush` once before the next frame however many times `schedule` was called since: live messages arrive
 * dozens a second (positions, change batches, heartbeats), and applying each as it comes redrew the map for each.
 * Also flushes after FALLBACK_MS if no frame comes (a hidden tab), and at once on `now()`.
 */
export function perFrame(flush: () => void) {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    frame = 0;
    timer = undefined;
    flush();
  };
  return {
    schedule() {
      if (frame) return;
      frame = requestAnimationFrame(run);
      timer = setTimeout(run, FALLBACK_MS);
    },
    /** Drain now (before a step that reads the applied state, e.g. a Subscribe answer's seq). */
    now: () => { if (frame) run(); },
  };
}
