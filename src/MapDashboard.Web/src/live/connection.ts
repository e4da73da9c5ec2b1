import { HubConnectionBuilder, LogLevel, type HubConnection } from '@microsoft/signalr';
import { reconnectDelay } from './backoff';
import { HUB_URL } from './protocol';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/**
 * A link that is down this long reads "offline since HH:MM" instead of "reconnecting":
 * long enough that a server restart or a blip never alarms the room, short enough that
 * staff learn within seconds that the wall has stopped being live.
 */
export const OFFLINE_AFTER_MS = 5000;

/** The hub's silence that counts as a lost link, until /api/config says (Live:ClientServerTimeoutMilliseconds). */
export const DEFAULT_SERVER_TIMEOUT_MS = 4000;

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
export function startConnection(events: ConnectionEvents, serverTimeoutMs = DEFAULT_SERVER_TIMEOUT_MS): { state(): ConnectionState; downSince(): Date | null } {
  const connection = new HubConnectionBuilder()
    .withUrl(HUB_URL)
    // The indicator reports the link; the client's own console errors would only repeat it
    // every few seconds for as long as the server is away.
    .configureLogging(LogLevel.None)
    .build();
  // A link that dies without closing (a pulled cable, a dead switch) is only noticed as silence: the hub pings
  // more than twice per timeout, so silence this long means the link is gone (SignalR's own default, 30 s, kept a
  // dead wall reading "connected" for half a minute).
  connection.serverTimeoutInMilliseconds = serverTimeoutMs;
  events.register(connection);

  let state: ConnectionState = 'connecting';
  let downSince: Date | null = null;
  let offlineTimer: ReturnType<typeof setTimeout> | undefined;
  let looping = false;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    events.state(state, downSince);
  };

  // The link is down from now: "reconnecting" at once, "offline" if it stays down.
  const lost = () => {
    if (downSince) return;
    downSince = new Date();
    setState('reconnecting');
    offlineTimer = setTimeout(() => setState('offline'), OFFLINE_AFTER_MS);
  };

  const up = () => {
    clearTimeout(offlineTimer);
    downSince = null;
    setState('connected');
  };

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  // afterDrop: the link just dropped, so wait before the first try too (a server that
  // crashed is not back within the millisecond, and every client would retry at once).
  async function connectLoop(afterDrop: boolean) {
    if (looping) return;
    looping = true;
    for (let attempt = 0; ; attempt++) {
      if (afterDrop || attempt > 0) await sleep(reconnectDelay(afterDrop ? attempt : attempt - 1));
      try {
        await connection.start();
        await events.connected(connection);
        up();
        break;
      } catch (e) {
        // Once per outage: a wall left down overnight must not fill its console.
        if (!downSince) console.warn(`live: cannot connect (${e instanceof Error ? e.message : String(e)}); retrying`);
        // stop() after a failed Subscribe closes the half-open link; after a failed start it is a no-op.
        await connection.stop().catch(() => undefined);
        lost();
      }
    }
    looping = false;
  }

  connection.onclose(() => {
    if (looping) return;
    lost();
    void connectLoop(true);
  });
  void connectLoop(false);
  return { state: () => state, downSince: () => downSince };
}
