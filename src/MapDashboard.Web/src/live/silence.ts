import { JsonHubProtocol, type IHubProtocol } from '@microsoft/signalr';

/** How often the watch looks at the clock. */
export const TICK_MS = 250;

/**
 * A tick this much later than due means the page itself was busy (a city wall's render can hold the main thread for
 * seconds): the hub's messages of that time wait in the socket, unread. A throttled background tab ticks once a
 * second, which is not a stall.
 */
export const STALL_MS = 1000;

export interface SilenceRecord {
  /** Ticks that came at least STALL_MS late, and the longest of them (ms), since the page opened. */
  stalls: number;
  longestStallMs: number;
}

/**
 * On-time ticks in a row after a stall before silence may be judged: the hub's messages that waited in the socket
 * during the stall are read in the tasks that follow it, before two more ticks have come.
 */
export const SETTLED_TICKS = 2;

/**
 * The hub's silence, judged only while the page is free to listen. SignalR's own serverTimeout is a wall-clock
 * timer: after a five-second render it fires before the messages that arrived meanwhile are read, and the link —
 * alive all along — is dropped, resubscribed and, at city scale, dropped again by the next long render. Here silence
 * is counted in wall time (a dead link on a loaded machine is still noticed within seconds) but the verdict waits
 * until the page has run SETTLED_TICKS ticks on time since its last stall, so what arrived meanwhile has been read
 * and has reset it. A link that is truly silent (a cut cable) is given up after `timeoutMs`.
 */
export function silenceWatch(timeoutMs: number, onSilent: (silentMs: number) => void, now = () => performance.now()) {
  let silentMs = 0;
  let last = 0;
  let settled = SETTLED_TICKS;
  let timer: ReturnType<typeof setInterval> | undefined;
  const record: SilenceRecord = { stalls: 0, longestStallMs: 0 };

  const tick = () => {
    const t = now();
    const gap = t - last;
    last = t;
    silentMs += gap;
    if (gap >= TICK_MS + STALL_MS) {
      record.stalls++;
      record.longestStallMs = Math.max(record.longestStallMs, Math.round(gap));
      settled = 0;
      return;
    }
    settled++;
    if (silentMs < timeoutMs || settled < SETTLED_TICKS) return;
    stop();
    onSilent(Math.round(silentMs));
  };

  function stop() {
    clearInterval(timer);
    timer = undefined;
  }

  return {
    /** Watch a link that just opened: it counts as heard now. */
    start() {
      stop();
      silentMs = 0;
      settled = SETTLED_TICKS;
      last = now();
      timer = setInterval(tick, TICK_MS);
    },
    stop,
    /** Anything read from the hub, a ping included. */
    heard() { silentMs = 0; },
    record: (): SilenceRecord => ({ ...record }),
  };
}

/**
 * SignalR's JSON protocol, telling `heard` of everything read from the hub: the one public place that sees every
 * message, the hub's pings among them, whatever the transport.
 */
export function hearingProtocol(heard: () => void): IHubProtocol {
  const json = new JsonHubProtocol();
  return {
    name: json.name,
    version: json.version,
    transferFormat: json.transferFormat,
    parseMessages(input, logger) {
      heard();
      // A text protocol: the transports hand it strings.
      return json.parseMessages(input as string, logger);
    },
    writeMessage: (message) => json.writeMessage(message),
  };
}
