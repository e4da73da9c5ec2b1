import { HubConnectionBuilder, LogLevel, type HubConnection } from '@microsoft/signalr';
import { reconnectDelay } from './backoff';
import { HUB_URL } from './protocol';
import { hearingProtocol, silenceWatch, type SilenceRecord } from './silence';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/**
 * A link that is down this long reads "offline since HH:MM" instead of "reconnecting":
 * long enough that a server restart or a blip never alarms the room, short enough that
 * staff learn within seconds that the wall has stopped being live.
 */
export const OFFLINE_AFTER_MS = 5000;

/** The hub's silence that counts as a lost link, until /api/config says (Live:ClientServerTimeoutMilliseconds). */
export const DEFAULT_SERVER_TIMEOUT_MS = 4000;

/**
 * SignalR's own wall-clock timeout, kept only as a backstop behind the silence watch (which judges the link): a page
 * whose main thread is held this long is not a live wall whatever the link does.
 */
export const BACKSTOP_TIMEOUT_MS = 120_000;

/** One change of the link's state, with why (kept for the test hook and the soak benchmark's log). */
export interface Transition { at: string; state: ConnectionState; why: string }

/** The newest transitions kept: enough for an outage's story, bounded for a wall left on for weeks. */
const TRANSITIONS_KEPT = 40;

export interface ConnectionEvents {
  /** Register the server → client handlers, once, before the first start. */
  register(connection: HubConnection): void;
  /**
   * Runs after every (re)connect, before the state reads "connected": subscribe here. A
   * throw (e.g. the server's database is down) drops the link and the loop tries again.
   */
  connected(connection: HubConnection): Promise<void>;
  state(state: ConnectionState, downSince: Date | null): void;
}

/**
 * The hub connection with our own reconnect loop rather than withAutomaticReconnect:
 * its retries end (the built-in policy gives up after four), a wall must never give up,
 * and every reconnect must Subscribe again from the last applied seq, which only the
 * caller knows. One loop runs at a time; closes seen while it runs are its own doing.
 */
export function startConnection(events: ConnectionEvents, serverTimeoutMs = DEFAULT_SERVER_TIMEOUT_MS):
  { state(): ConnectionState; downSince(): Date | null; transitions(): Transition[]; silence(): SilenceRecord } {
  // A link that dies without closing (a pulled cable, a dead switch) is only noticed as silence: the hub pings
  // more than twice per timeout, so silence this long means the link is gone (SignalR's own default, 30 s, kept a
  // dead wall reading "connected" for half a minute). Counted in time the page was free to listen (silence.ts).
  let silentClose: string | null = null;
  const silence = silenceWatch(serverTimeoutMs, (ms) => {
    silentClose = `the hub was silent for ${ms} ms while the page listened`;
    void connection.stop();
  });
  const connection = new HubConnectionBuilder()
    .withUrl(HUB_URL)
    .withHubProtocol(hearingProtocol(silence.heard))
    // The indicator reports the link; the client's own console errors would only repeat it
    // every few seconds for as long as the server is away.
    .configureLogging(LogLevel.None)
    .build();
  connection.serverTimeoutInMilliseconds = Math.max(BACKSTOP_TIMEOUT_MS, serverTimeoutMs);
  events.register(connection);

  let state: ConnectionState = 'connecting';
  let downSince: Date | null = null;
  let offlineTimer: ReturnType<typeof setTimeout> | undefined;
  let looping = false;
  const transitions: Transition[] = [];

  // Kept with the state it happened in: a failed attempt while down is recorded too, with its reason.
  const note = (why: string) => {
    transitions.push({ at: new Date().toISOString(), state, why });
    if (transitions.length > TRANSITIONS_KEPT) transitions.shift();
  };

  const setState = (next: ConnectionState, why: string) => {
    if (next === state) return;
    state = next;
    note(why);
    events.state(state, downSince);
  };

  // Why the link closed: the silence watch's verdict when it closed it, else the library's error.
  const reason = (e: unknown) => {
    const why = silentClose ?? (e instanceof Error ? e.message : String(e ?? 'closed'));
    silentClose = null;
    return why;
  };

  // The link is down from now: "reconnecting" at once, "offline" if it stays down.
  const lost = (why: string) => {
    if (downSince) { note(why); return; }
    downSince = new Date();
    setState('reconnecting', why);
    offlineTimer = setTimeout(() => setState('offline', `down for ${OFFLINE_AFTER_MS} ms`), OFFLINE_AFTER_MS);
  };

  const up = (why: string) => {
    clearTimeout(offlineTimer);
    downSince = null;
    setState('connected', why);
  };

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  // afterDrop: the link just dropped, so wait before the first try too (a server that
  // crashed is not back within the millisecond, and every client would retry at once).
  async function connectLoop(afterDrop: boolean) {
    if (looping) return;
    looping = true;
    for (let attempt = 0; ; attempt++) {
      if (afterDrop || attempt > 0) await sleep(reconnectDelay(afterDrop ? attempt : attempt - 1));
      const began = performance.now();
      try {
        await connection.start();
        // Watched from here: a Subscribe on a link that died meanwhile must not wait forever.
        silence.start();
        const started = performance.now();
        await events.connected(connection);
        up(`started in ${Math.round(started - began)} ms, subscribed in ${Math.round(performance.now() - started)} ms (attempt ${attempt + 1})`);
        break;
      } catch (e) {
        // Once per outage: a wall left down overnight must not fill its console.
        if (!downSince) console.warn(`live: cannot connect (${reason(e)}); retrying`);
        // stop() after a failed Subscribe closes the half-open link; after a failed start it is a no-op.
        silence.stop();
        await connection.stop().catch(() => undefined);
        lost(`attempt ${attempt + 1} failed after ${Math.round(performance.now() - began)} ms: ${reason(e)}`);
      }
    }
    looping = false;
  }

  connection.onclose((e) => {
    if (looping) return;
    silence.stop();
    lost(`closed: ${reason(e)}`);
    void connectLoop(true);
  });
  void connectLoop(false);
  return { state: () => state, downSince: () => downSince, transitions: () => [...transitions], silence: silence.record };
}
