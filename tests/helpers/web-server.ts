// A small local web server for URL-ingestion tests: routes map a path to a handler. Tests
// never touch the public network.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Routes = Record<string, (req: http.IncomingMessage, res: http.ServerResponse) => void>;

export async function startWebServer(routes: Routes) {
  const server = http.createServer((req, res) => {
    const handler = routes[new URL(req.url ?? "/", "http://x").pathname];
    if (handler) return handler(req, res);
    res.writeHead(404, { "content-type": "text/plain" }).end("not here");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path: string, host = "127.0.0.1") => `http://${host}:${port}${path}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export const page = (status: number, contentType: string, body: string | Buffer) => (_req: http.IncomingMessage, res: http.ServerResponse) => {
  res.writeHead(status, { "content-type": contentType }).end(body);
};
