// POST /api/ingest/file as a client sends it: a multipart form with the file (and any other
// fields), its exact Content-Length, and a bearer token.
import * as ingestFile from "../../app/api/ingest/file/route";

export async function uploadFile(o: { token: string; filename: string; content: string | Uint8Array; fields?: Record<string, string>; headers?: Record<string, string> }) {
  const form = new FormData();
  form.set("file", new File([typeof o.content === "string" ? o.content : new Uint8Array(o.content)], o.filename));
  for (const [k, v] of Object.entries(o.fields ?? {})) form.set(k, v);
  const body = new Response(form);
  const bytes = new Uint8Array(await body.arrayBuffer());
  const req = new Request("http://grace.test/api/ingest/file", {
    method: "POST",
    headers: { authorization: `Bearer ${o.token}`, "content-type": body.headers.get("content-type")!, "content-length": String(bytes.length), ...o.headers },
    body: bytes,
  });
  const res = await ingestFile.POST(req, { params: Promise.resolve({}) });
  return { status: res.status, json: await res.json() };
}
