import { describe, expect, it } from "vitest";
import * as catchAll from "../../app/api/[...path]/route";
import { toErrorResponse } from "../../lib/api/responses";
import { call } from "../helpers/api";

describe("API paths without a route", () => {
  it("answer a JSON 404 for every method, signed in or not", async () => {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"] as const) {
      const res = await call(catchAll[method], { method, path: "/api/chat", rawBody: method === "GET" ? undefined : "{}" });
      expect(res.status).toBe(404);
      expect(res.json.error).toEqual({ code: "not_found", message: `${method} /api/chat not found` });
    }
  });
});

describe("database errors that can be retried", () => {
  it("become 503 with Retry-After, not a 500", async () => {
    const busy = Object.assign(new Error("Operation has timed out"), { name: "PrismaClientKnownRequestError", code: "P1008" });
    const warn = console.warn;
    console.warn = () => {};
    try {
      const res = toErrorResponse(busy, "test");
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("1");
      expect((await res.json()).error).toMatchObject({ code: "unavailable", message: expect.stringMatching(/busy/) });
    } finally {
      console.warn = warn;
    }
  });
});
