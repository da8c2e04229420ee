import { capText, isAllocationFailure, Refused } from "./refusal";
import { jsonNestsDeeperThan } from "./nesting-depth";
import type { ChildLimits } from "./protocol";

/** JSON is indexed as written, once it is known to be JSON. */
export function jsonText(text: string, limits: ChildLimits): string {
  if (jsonNestsDeeperThan(text, limits.maxDepth)) throw new Refused("depth");
  try {
    JSON.parse(text);
  } catch (error) {
    if (isAllocationFailure(error)) throw error;
    throw new Refused("invalid", "is not valid JSON");
  }
  return capText(text, limits);
}
