// Looks for restart requests every `pollMs` and hands each claimed one to `handle`, one at
// a time. The web process and the supervisor share nothing but the database, so a request
// travels as a row.
import type { Db } from "../../db/client";
import { claimCommand, type ClaimedCommand } from "./commands";

export class CommandPoller {
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private stopped = false;
  private failing = false;

  constructor(
    private readonly o: {
      db: Db;
      supervisor: string;
      pollMs: number;
      handle: (command: ClaimedCommand) => Promise<void>;
      log?: (line: string, error?: unknown) => void;
    },
  ) {}

  start() {
    const tick = () => {
      this.timer = null;
      this.polling = this.poll().finally(() => {
        this.polling = null;
        if (!this.stopped) this.timer = setTimeout(tick, this.o.pollMs);
      });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** No new claims after this; resolves when the command being handled (if any) is done. */
  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.polling;
  }

  private async poll() {
    try {
      for (let command = await this.claim(); command; command = await this.claim()) await this.o.handle(command);
      if (this.failing) this.log("reading restart requests again");
      this.failing = false;
    } catch (error) {
      // The database may be down for a while: keep polling (the supervisor keeps supervising),
      // and say so once rather than every poll.
      if (!this.failing) this.log("could not read restart requests; still trying", error);
      this.failing = true;
    }
  }

  private log(line: string, error?: unknown) {
    if (this.o.log) return this.o.log(line, error);
    if (error === undefined) console.log(`[start] ${line}`);
    else console.error(`[start] ${line}`, error);
  }

  private claim() {
    return this.stopped ? Promise.resolve(null) : claimCommand({ db: this.o.db, supervisor: this.o.supervisor });
  }
}
