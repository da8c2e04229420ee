// The JSON body of a request, read with the size limit enforced while it streams in.
import { config } from "../config";
import { PayloadTooLargeError, type FieldError } from "../errors";
import { findBadCharacter, MAX_JSON_DEPTH } from "./json-guard";
import { jsonNestsDeeperThan } from "../text/json-depth";

export const NOT_JSON = Symbol("not json");

export async function readJson(req: Request, fields: FieldError[], limit: number = config.maxBodyBytes): Promise<unknown> {
  const bytes = await readBody(req, limit);
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    fields.push({ field: "body", message: "is not valid UTF-8" });
    return NOT_JSON;
  }
  if (text.trim() === "") return {};
  if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH)) {
    fields.push({ field: "body", message: `nests deeper than ${MAX_JSON_DEPTH} levels` });
    return NOT_JSON;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    fields.push({ field: "body", message: "is not valid JSON" });
    return NOT_JSON;
  }
  const bad = findBadCharacter(value, ["body"]);
  if (bad) {
    fields.push(bad);
    return NOT_JSON;
  }
  return value;
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

// Content-Length can be absent (chunked uploads): count while reading and stop at the limit.
async function readBody(req: Request, limit: number): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array();
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
  return Buffer.concat(chunks);
}

export function tooLarge(limit: number) {
  return new PayloadTooLargeError(`Request body is larger than the limit of ${limit} bytes`);
}
