// Group commit for chat turns. Each turn must be written in one audited transaction, and
// those transactions serialise on the audit head; under load, paying a transaction per turn
// makes turns queue behind one another. So while one batch commits, the turns that arrive
// wait together and the next transaction writes all of them (save-turns.ts). An idle writer
// starts at once: a lone turn waits for nothing. If a batch fails, its turns are written one
// by one, so a bad turn fails alone.
import { db as defaultDb, type Db } from "../db/client";
import { writeTransaction } from "../db/transaction";
import { saveTurns, type SavedTurn, type TurnToSave } from "./save-turns";

const MAX_BATCH = 64;

type Waiting = { turn: TurnToSave; resolve: (s: SavedTurn) => void; reject: (e: unknown) => void };

class TurnWriter {
  private waiting: Waiting[] = [];
  private running = false;

  constructor(private readonly db: Db) {}

  write(turn: TurnToSave): Promise<SavedTurn> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ turn, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain() {
    this.running = true;
    try {
      while (this.waiting.length) {
        // Let the requests already read off the sockets reach this point too before the batch
        // is taken: the SQLite driver answers synchronously, so without this one hop a batch
        // would commit inside a single turn of the event loop, alone.
        await new Promise((resolve) => setImmediate(resolve));
        await this.writeBatch(this.takeBatch());
      }
    } finally {
      this.running = false;
    }
  }

  /** Up to MAX_BATCH turns, at most one per conversation; the rest wait for the next batch. */
  private takeBatch(): Waiting[] {
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    const conversations = new Set<number>();
    for (const w of this.waiting) {
      const id = w.turn.conversationId;
      if (batch.length >= MAX_BATCH || (id !== undefined && conversations.has(id))) rest.push(w);
      else {
        if (id !== undefined) conversations.add(id);
        batch.push(w);
      }
    }
    this.waiting = rest;
    return batch;
  }

  private async writeBatch(batch: Waiting[]) {
    try {
      const saved = await writeTransaction((tx) => saveTurns({ tx, turns: batch.map((w) => w.turn) }), this.db);
      batch.forEach((w, i) => w.resolve(saved[i]));
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      for (const w of batch) {
        await writeTransaction((tx) => saveTurns({ tx, turns: [w.turn] }), this.db).then(([s]) => w.resolve(s), w.reject);
      }
    }
  }
}

const writers = new WeakMap<Db, TurnWriter>();

/** Writes one turn, batched with the others arriving at the same time on this database. */
export function writeTurn(o: { turn: TurnToSave; db?: Db }): Promise<SavedTurn> {
  const { turn, db = defaultDb } = o;
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new TurnWriter(db)));
  return writer.write(turn);
}
