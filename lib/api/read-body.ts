// The JSON body of a request, read with the size limit enforced while it streams in.
import { config } from "../config";
import { PayloadTooLargeError, type FieldError } from "../errors";

export const NOT_JSON = Symbol("not json");

export async function readJson(req: Request, fields: FieldError[]): Promise<unknown> {
  const text = await readBody(req);
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    fields.push({ field: "body", message: "is not valid JSON" });
    return NOT_JSON;
  }
}

// Content-Length can be absent (chunked uploads): count while reading and stop at the limit.
async function readBody(req: Request): Promise<string> {
  if (!req.body) return "";
  const limit = config.maxBodyBytes;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function tooLarge(limit: number) {
  return new PayloadTooLargeError(`Request body is larger than the limit of ${limit} bytes`);
}
