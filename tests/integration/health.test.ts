import { describe, expect, it } from "vitest";
import * as health from "../../app/health/route";
import * as apiHealth from "../../app/api/health/route";
import { beat } from "../../workers/heartbeat";
import { call, db } from "../helpers/api";

describe("GET /health and /api/health", () => {
  it("answer without auth: degraded while no worker beats, ok once one does", async () => {
    const before = await call(health.GET);
    expect(before.status).toBe(200);
    expect(before.json).toMatchObject({ status: "degraded", components: { database: { status: "ok" }, worker: { status: "degraded" } } });
    expect(before.json.version).toMatch(/^\d+\.\d+\.\d+/);

    await beat({ db, id: "test-worker", concurrency: 1 });
    const after = await call(apiHealth.GET);
    expect(after.status).toBe(200);
    expect(after.json.status).toBe("ok");
    expect(after.json.components.worker.status).toBe("ok");

    await beat({ db, id: "test-worker", concurrency: 1, status: "stopped" });
    expect((await call(apiHealth.GET)).json.status).toBe("degraded");
  });
});
