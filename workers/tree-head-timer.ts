// Publishes a signed tree head every GRACE_TREE_HEAD_INTERVAL_MS when the log grew, and sends it
// to the witnesses. Every worker runs one: two heads for one size are harmless (the first row
// stands), so no lease is needed.
import { config } from "../lib/config";
import { publishTreeHead } from "../lib/audit/publish-tree-head";
import { sendToWitnesses } from "../lib/audit/send-to-witnesses";
import { getSystemMode } from "../lib/system/get-mode";

export class TreeHeadTimer {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  start() {
    const tick = () => {
      this.running = this.once().finally(() => {
        this.running = null;
        if (this.timer) this.timer = setTimeout(tick, config.auditLog.treeHeadIntervalMs);
      });
    };
    this.timer = setTimeout(tick, Math.min(5000, config.auditLog.treeHeadIntervalMs));
  }

  async stop() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Never throws: a failed round is logged and the next one tries again. */
  async once() {
    try {
      if ((await getSystemMode()).mode !== "normal") return; // read-only: no writes
      const result = await publishTreeHead();
      if (!result.published) {
        if (result.alert) console.error(`[tree-heads] not publishing: ${result.reason}`);
        return;
      }
      if (config.auditLog.witnessUrls.length === 0) return;
      for (const o of await sendToWitnesses({ head: result.head })) {
        if (o.status !== "countersigned") console.error(`[tree-heads] witness ${o.witness}: ${o.status}${o.error ? ` (${o.error})` : ""}`);
      }
    } catch (error) {
      console.error("[tree-heads] publishing failed", error);
    }
  }
}
