import { z } from "zod";
import { MAX_ID } from "../db/ids";

/** A row id from the path or a body: a positive whole number the database can hold. */
export function idSchema(what: string) {
  return z.coerce.number().int(`must be ${what}`).positive(`must be ${what}`).max(MAX_ID, `must be ${what}`);
}

/** `{ id }` route params. */
export function idParams(what: string) {
  return z.object({ id: idSchema(what) });
}
