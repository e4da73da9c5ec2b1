// A live-map client as a third party would write one from PROTOCOL.md, with
// the real npm SignalR client. Prints one JSON line per event on stdout, so a
// test can read what a client saw:
//   node subscribe.mjs <baseUrl> '<Subscribe request JSON>' [--resume] [--clients N]
// --resume: on a lost connection, reconnect with backoff and Subscribe again
//           from the last seq applied; on resync, reload the position and subscribe from it.
// --clients N: open N connections (benchmark); only client 0's items carry features.
// --sample K:  only clients 0..K-1 print their change items; every client prints a
//              tally (received, distinct, duplicates) each second, so a benchmark
//              counts loss on all clients without printing every item of every one.
import * as signalR from "@microsoft/signalr";

const [baseUrl, requestJson, ...flags] = process.argv.slice(2);
const request = JSON.parse(requestJson);
const resume = flags.includes("--resume");
const flag = (name, fallback) => (flags.includes(name) ? Number(flags[flags.indexOf(name) + 1]) : fallback);
const clients = flag("--clients", 1);
const sample = flag("--sample", clients);
// The bearer token to sign in with (POST /api/auth/token), from the environment, not the command line.
const token = process.env.MAPDASHBOARD_ACCESS_TOKEN || null;

// Lines are buffered and written every 20 ms: stdout to a pipe is synchronous
// in node, and a write per event from hundreds of connections would stall the
// client (and, through TCP back-pressure, the server it measures).
let pending = [];
const print = (event) => {
  pending.push(JSON.stringify({ t: Date.now(), ...event }));
  if (pending.length === 1) setTimeout(flush, 20);
};
function flush() {
  const lines = pending;
  pending = [];
  if (lines.length) process.stdout.write(lines.join("\n") + "\n");
}

function startClient(index) {
  let lastSeq = request.sinceSeq ?? null;
  const seen = new Set();
  let received = 0;
  if (sample < clients)
    setInterval(() => print({ event: "tally", client: index, received, distinct: seen.size, duplicates: received - seen.size }), 1000);
  const connection = new signalR.HubConnectionBuilder()
    .withUrl(`${baseUrl}/hubs/map`, token ? { accessTokenFactory: () => token } : {})
    .configureLogging(signalR.LogLevel.None)
    .build();

  connection.on("changes", (batch) => {
    for (const item of batch.items) {
      if (lastSeq === null || item.seq > lastSeq) lastSeq = item.seq;
      received++;
      seen.add(item.seq);
    }
    if (index >= sample) return;
    print({ event: "changes", client: index, fromSeq: batch.fromSeq, toSeq: batch.toSeq,
            items: batch.items.map((i) => ({ seq: i.seq, layer: i.layer, id: i.id, op: i.op,
                                             code: i.feature?.properties?.code ?? null, feature: index === 0 ? i.feature : undefined })) });
  });
  connection.on("positions", (batch) => print({ event: "positions", client: index, count: batch.items.length,
                                                ids: batch.items.map((i) => i.id) }));
  connection.on("heartbeat", (hb) => {
    if (lastSeq === null || hb.seq > lastSeq) lastSeq = hb.seq;
    if (index === 0) print({ event: "heartbeat", client: index, seq: hb.seq });
  });
  connection.on("resync", async (notice) => {
    print({ event: "resync", client: index, reason: notice.reason, seq: notice.seq });
    if (!resume) return;
    const position = await (await fetch(`${baseUrl}/api/live/position`, { headers: token ? { Authorization: `Bearer ${token}` } : {} })).json();
    lastSeq = position.seq;
    await subscribe();
  });

  async function subscribe() {
    const result = await connection.invoke("Subscribe", { ...request, sinceSeq: lastSeq ?? undefined });
    print({ event: "subscribed", client: index, ...result });
  }

  async function connect() {
    for (let delay = 100; ; delay = Math.min(delay * 2, 2000)) {
      try {
        await connection.start();
        await subscribe();
        return;
      } catch (e) {
        print({ event: "error", client: index, message: String(e?.message ?? e) });
        if (!resume) { flush(); process.exit(2); }
        try { await connection.stop(); } catch { /* already stopped */ }
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  connection.onclose(async () => {
    print({ event: "closed", client: index });
    if (resume) await connect();
  });
  return connect();
}

await Promise.all(Array.from({ length: clients }, (_, i) => startClient(i)));
print({ event: "ready", clients });
