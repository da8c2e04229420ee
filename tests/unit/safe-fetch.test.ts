import { afterAll, describe, expect, it } from "vitest";
import type { LookupAddress } from "node:dns";
import { isPublicAddress } from "../../lib/net/address-policy";
import { checkHost, checkUrl, safeFetch, UrlFetchError, UrlRefusedError } from "../../lib/net/safe-fetch";
import { page, startWebServer } from "../helpers/web-server";

// Only the test server's own address is allowed, so everything else must be refused even
// though it is all on this machine.
const onlyTestServer = (address: string) => address === "127.0.0.1";

/** A resolver that answers every name with one address (a rebinding DNS server, say). */
function resolverTo(address: string) {
  return ((_host: string, _opts: unknown, cb: (e: null, a: LookupAddress[]) => void) => cb(null, [{ address, family: address.includes(":") ? 6 : 4 }])) as never;
}

describe("address policy", () => {
  it.each([
    ["127.0.0.1", false], ["::1", false], ["::ffff:7f00:1", false], ["::ffff:127.0.0.1", false], ["169.254.169.254", false],
    ["10.0.0.1", false], ["172.16.5.4", false], ["192.168.1.1", false], ["100.64.0.1", false], ["0.0.0.0", false],
    ["fe80::1", false], ["fc00::1", false], ["64:ff9b::a00:1", false], ["224.0.0.1", false], ["not-an-ip", false],
    ["8.8.8.8", true], ["151.101.1.69", true], ["2606:4700::1111", true],
  ])("%s is public: %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe("checkUrl refuses before any connection", () => {
  it.each([
    ["http://2130706433/", "127.0.0.1"], // decimal
    ["http://0177.0.0.1/", "127.0.0.1"], // octal
    ["http://0x7f.0.0.1/", "127.0.0.1"], // hex
    ["http://[::1]/", "::1"],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1"], // IPv4-mapped IPv6
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254"],
  ])("%s", (url, shown) => {
    expect(() => checkUrl(url, isPublicAddress)).toThrow(new UrlRefusedError(`points at ${shown}, a private, loopback or link-local address`));
  });

  it.each(["ftp://example.com/x", "file:///etc/passwd", "gopher://example.com/", "javascript:alert(1)"])("refuses the scheme of %s", (url) => {
    expect(() => checkUrl(url, isPublicAddress)).toThrow(/only http and https/);
  });

  it("refuses credentials in the URL and text that is not a URL", () => {
    expect(() => checkUrl("http://user:pw@example.com/", isPublicAddress)).toThrow(/user name or password/);
    expect(() => checkUrl("not a url", isPublicAddress)).toThrow(/not a valid URL/);
  });

  it("refuses a name that resolves to 127.0.0.1", async () => {
    await expect(checkHost("localhost", isPublicAddress)).rejects.toThrow(/localhost resolves to (127\.0\.0\.1|::1)/);
    await expect(checkHost("anything.test", isPublicAddress, resolverTo("127.0.0.1"))).rejects.toThrow("anything.test resolves to 127.0.0.1");
  });
});

describe("safeFetch", async () => {
  const big = Buffer.alloc(6 * 1024 * 1024, "a");
  const server = await startWebServer({
    "/hello": page(200, "text/plain", "hello"),
    "/to-metadata": (_req, res) => res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end(),
    "/to-hello": (_req, res) => res.writeHead(301, { location: "/hello" }).end(),
    "/loop": (_req, res) => res.writeHead(302, { location: "/loop" }).end(),
    "/big-declared": page(200, "text/plain", big),
    "/big-streamed": (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" }); // chunked: no Content-Length to go by
      for (let i = 0; i < 6; i++) res.write(Buffer.alloc(1024 * 1024, "b"));
      res.end();
    },
    "/slow": () => {}, // never answers
    "/gone": page(404, "text/plain", "nope"),
    "/broken": page(503, "text/plain", "down"),
  });
  afterAll(() => server.close());

  it("fetches an allowed address", async () => {
    const got = await safeFetch({ url: server.url("/hello"), allow: onlyTestServer });
    expect(new TextDecoder().decode(got.bytes)).toBe("hello");
    expect(got.contentType).toBe("text/plain");
  });

  it("re-checks every redirect: a hop to 169.254.169.254 is refused", async () => {
    await expect(safeFetch({ url: server.url("/to-metadata"), allow: onlyTestServer })).rejects.toThrow(new UrlRefusedError("points at 169.254.169.254, a private, loopback or link-local address"));
  });

  it("follows an allowed redirect and reports where it landed; stops after five", async () => {
    expect((await safeFetch({ url: server.url("/to-hello"), allow: onlyTestServer })).url).toBe(server.url("/hello"));
    await expect(safeFetch({ url: server.url("/loop"), allow: onlyTestServer })).rejects.toThrow(/more than 5 times/);
  });

  it("checks the address the connection uses, after DNS: a name that resolves to a private address is refused", async () => {
    await expect(safeFetch({ url: `http://rebind.test:${server.port}/hello`, allow: onlyTestServer, resolve: resolverTo("10.0.0.7") })).rejects.toThrow(
      new UrlRefusedError("rebind.test resolves to 10.0.0.7, a private, loopback or link-local address"),
    );
  });

  it("connects to the address it checked (the lookup it vets is the one the socket uses)", async () => {
    const got = await safeFetch({ url: `http://pinned.test:${server.port}/hello`, allow: onlyTestServer, resolve: resolverTo("127.0.0.1") });
    expect(new TextDecoder().decode(got.bytes)).toBe("hello");
  });

  it("caps the size, declared or streamed", async () => {
    await expect(safeFetch({ url: server.url("/big-declared"), allow: onlyTestServer })).rejects.toThrow(/larger than the 5 MB limit/);
    await expect(safeFetch({ url: server.url("/big-streamed"), allow: onlyTestServer })).rejects.toThrow(/larger than the 5 MB limit/);
  });

  it("times out", async () => {
    const error = await safeFetch({ url: server.url("/slow"), allow: onlyTestServer, timeoutMs: 300 }).catch((e) => e);
    expect(error).toBeInstanceOf(UrlFetchError);
    expect(error.message).toMatch(/did not answer within 0.3 s/);
  });

  it("treats 4xx as final and 5xx as worth retrying", async () => {
    await expect(safeFetch({ url: server.url("/gone"), allow: onlyTestServer })).rejects.toBeInstanceOf(UrlRefusedError);
    await expect(safeFetch({ url: server.url("/broken"), allow: onlyTestServer })).rejects.toBeInstanceOf(UrlFetchError);
  });
});
