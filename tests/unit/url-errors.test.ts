// URL failures read in plain words, with the technical reason kept for a detail line.
import { createServer, type AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { checkHost, plainNetworkError, safeFetch, withDetail } from "../../lib/net/safe-fetch";
import { splitDetail } from "../../components/knowledge/error-text";
import { page, startWebServer } from "../helpers/web-server";

/** A resolver that fails every name with `code`, as getaddrinfo does. */
function failingResolver(code: string) {
  return ((_host: string, _opts: unknown, cb: (e: NodeJS.ErrnoException) => void) => cb(Object.assign(new Error(`getaddrinfo ${code} x`), { code }))) as never;
}

describe("URL errors in plain words", () => {
  it("a name that does not exist: 'the address could not be found', the code in the detail", async () => {
    const error = await checkHost("no-such-host.test", () => true, failingResolver("ENOTFOUND")).catch((e: Error) => e);
    expect(splitDetail((error as Error).message)).toEqual({ text: expect.stringMatching(/^the address could not be found/), detail: "ENOTFOUND looking up no-such-host.test" });
  });

  it.each([
    ["EAI_AGAIN", /could not be looked up just now/],
    ["ECONNREFUSED", /refused the connection/],
    ["ETIMEDOUT", /did not answer in time/],
    ["CERT_HAS_EXPIRED", /security certificate/],
    ["SOMETHING_ELSE", /could not be fetched/],
  ])("%s", (code, words) => {
    expect(plainNetworkError(code)).toMatch(words);
  });

  describe("HTTP errors and refused connections", async () => {
    const server = await startWebServer({ "/gone": page(404, "text/plain", "no"), "/broken": page(503, "text/plain", "down") });
    afterAll(() => server.close());
    const local = (a: string) => a === "127.0.0.1";

    it("a missing page and a failing server say so, with the status in the detail", async () => {
      const missing = await safeFetch({ url: server.url("/gone"), allow: local }).catch((e: Error) => e);
      expect(splitDetail((missing as Error).message)).toEqual({ text: "the page was not found at that address", detail: "the server answered 404" });
      const broken = await safeFetch({ url: server.url("/broken"), allow: local }).catch((e: Error) => e);
      expect(splitDetail((broken as Error).message)).toEqual({ text: expect.stringMatching(/the site had a problem/), detail: "the server answered 503" });
    });

    it("a port nothing listens on: refused, with ECONNREFUSED in the detail", async () => {
      // A port that was free a moment ago: nothing listens there.
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
      const { port } = probe.address() as AddressInfo;
      await new Promise((resolve) => probe.close(resolve));
      const refused = await safeFetch({ url: `http://127.0.0.1:${port}/`, allow: local }).catch((e: Error) => e);
      const { text, detail } = splitDetail((refused as Error).message);
      expect(text).toMatch(/refused the connection/);
      expect(detail).toMatch(/ECONNREFUSED/);
    });
  });

  it("a message without a detail stays whole", () => {
    expect(splitDetail("is larger than the 5 MB limit")).toEqual({ text: "is larger than the 5 MB limit", detail: null });
    expect(splitDetail(withDetail("plain", "CODE"))).toEqual({ text: "plain", detail: "CODE" });
  });
});
