// Signals through PostgreSQL's LISTEN/NOTIFY, so processes on many machines hear them. LISTEN
// needs a session of its own: a direct connection, not one through a transaction-mode pooler.
// A lost connection is opened again after a pause; meanwhile polls find the work.
import pg from "pg";
import { parseSignal, type JobSignal, type SignalBus } from "./types";

const CHANNEL = "grace_jobs";
const RETRY_MS = 1_000;

export function postgresBus(url: string): SignalBus {
  const listeners = new Set<(s: JobSignal) => void>();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client | null> | null = null;
  let closed = false;

  function connect(): Promise<pg.Client | null> {
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString: url });
      c.on("notification", (n) => {
        const s = n.channel === CHANNEL && n.payload ? parseSignal(n.payload) : null;
        if (s) for (const fn of listeners) fn(s);
      });
      c.on("error", (error) => {
        console.error("[signals] PostgreSQL connection lost; polls still find the work", error.message);
        drop(c);
      });
      try {
        await c.connect();
        // Listening must not keep a process alive that has nothing else to do (a script, a
        // finished test): the connection stays open, but the event loop does not wait for it.
        (c as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
        await c.query(`LISTEN ${CHANNEL}`);
        if (closed) {
          await c.end();
          return null;
        }
        client = c;
        return c;
      } catch (error) {
        console.error("[signals] cannot listen on PostgreSQL; polls still find the work", (error as Error).message);
        drop(c);
        return null;
      }
    })();
    return connecting;
  }

  function drop(c: pg.Client) {
    if (client === c) client = null;
    connecting = null;
    c.end().catch(() => undefined);
    if (!closed && listeners.size) setTimeout(() => void connect(), RETRY_MS).unref();
  }

  // One query at a time on the listening connection: pg queues overlapping ones but deprecates it.
  let sending: Promise<unknown> = Promise.resolve();

  return {
    send(s) {
      sending = sending
        .then(() => connect())
        .then((c) => c?.query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify(s)]))
        .catch(() => undefined); // a signal is a hint: polls find the work without it
    },
    listen(fn) {
      listeners.add(fn);
      void connect();
      return () => listeners.delete(fn);
    },
    async close() {
      closed = true;
      listeners.clear();
      const c = client ?? (connecting ? await connecting : null);
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
