// Signals between the processes of one machine sharing one SQLite file: each listening process
// serves a Unix socket in a directory named after the database file; a sender writes one line to
// every socket there. A socket left by a dead process refuses the connection and is removed.
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, rmSync, unlinkSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseSignal, type JobSignal, type SignalBus } from "./types";

/** The directory for one database file, short enough for a socket path (at most 107 bytes). */
export function signalDir(databaseFile: string): string {
  return path.join(os.tmpdir(), `grace-signals-${createHash("sha256").update(path.resolve(databaseFile)).digest("hex").slice(0, 16)}`);
}

export function localBus(databaseFile: string): SignalBus {
  const dir = signalDir(databaseFile);
  const listeners = new Set<(s: JobSignal) => void>();
  let server: net.Server | null = null;
  let own: string | null = null;

  const deliver = (s: JobSignal) => {
    for (const fn of listeners) fn(s);
  };

  function serve() {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    own = path.join(dir, `${process.pid}-${randomBytes(4).toString("hex")}.sock`);
    server = net.createServer((socket) => {
      let buffered = "";
      socket.setEncoding("utf8");
      socket.on("data", (chunk: string) => {
        buffered += chunk;
        if (buffered.length > 4096) return socket.destroy();
        let nl: number;
        while ((nl = buffered.indexOf("\n")) >= 0) {
          const s = parseSignal(buffered.slice(0, nl));
          buffered = buffered.slice(nl + 1);
          if (s) deliver(s);
        }
      });
      socket.on("error", () => socket.destroy());
    });
    server.on("error", (error) => console.error("[signals] socket server failed; polls still find the work", error));
    server.listen(own);
    server.unref();
  }

  return {
    send(s) {
      deliver(s); // this process's own listeners (a worker and a web server may share one)
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return; // no one listens yet
      }
      const line = `${JSON.stringify(s)}\n`;
      for (const name of names) {
        const file = path.join(dir, name);
        if (file === own || !name.endsWith(".sock")) continue;
        const socket = net.createConnection(file);
        socket.on("error", (error: NodeJS.ErrnoException) => {
          if (error.code === "ECONNREFUSED" || error.code === "ENOENT") rmSync(file, { force: true });
        });
        socket.end(line);
      }
    },
    listen(fn) {
      if (!server) serve();
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    async close() {
      listeners.clear();
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
      if (own) {
        try {
          unlinkSync(own);
        } catch {
          // already gone
        }
        own = null;
      }
    },
  };
}
