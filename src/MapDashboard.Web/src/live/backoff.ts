// Reconnect delays: 1 s, 2 s, 4 s, 8 s, then 10 s for as long as it takes. Each is
// jittered by ±20 % so that the walls and desks of a whole centre, dropped by one
// server restart, do not all knock on the restarted server in the same instant.
export const FIRST_DELAY_MS = 1000;
export const MAX_DELAY_MS = 10_000;
const JITTER = 0.2;

/** Delay before reconnect attempt number `attempt` (0 = the first after the link dropped). */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(attempt, 16));
  return Math.min(MAX_DELAY_MS, Math.round(base * (1 - JITTER + 2 * JITTER * random())));
}
