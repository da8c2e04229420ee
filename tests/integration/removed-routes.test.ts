// The earlier API's /api/plugins/* and /api/ml/* were no-ops; they now answer 410 Gone with a
// message saying what was removed and why, for every method, with or without credentials.
import { describe, expect, it } from "vitest";
import * as plugins from "../../app/api/plugins/[[...path]]/route";
import * as ml from "../../app/api/ml/[[...path]]/route";
import * as catchAll from "../../app/api/[...path]/route";
import { call, createUser, tokenFor } from "../helpers/api";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

describe("removed legacy routes", async () => {
  const token = await tokenFor(await createUser());

  it.each([
    ["plugins", plugins, ["/api/plugins", "/api/plugins/", "/api/plugins/search/enable"], /^\/api\/plugins was removed: .*no plugin system/],
    ["ml", ml, ["/api/ml/models", "/api/ml/train", "/api/ml/deploy/3"], /^\/api\/ml was removed: .*trained and served no model/],
  ] as const)("/api/%s/* answers 410 with why, for every method, signed in or not", async (_name, mod, paths, message) => {
    for (const path of paths) {
      for (const method of METHODS) {
        for (const bearer of [undefined, token]) {
          const res = await call(mod[method], { method, path, bearer, rawBody: method === "GET" ? undefined : "{}" });
          expect(res.status, `${method} ${path}`).toBe(410);
          expect(res.json.error.code).toBe("gone");
          expect(res.json.error.message).toMatch(message);
          expect(res.json.detail).toBe(res.json.error.message);
        }
      }
    }
  });

  it("leaves other unknown API paths a 404", async () => {
    const res = await call(catchAll.GET, { path: "/api/pluginz" });
    expect(res.status).toBe(404);
  });
});
