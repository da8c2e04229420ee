import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderSchema, schemaPath } from "../../scripts/db/schemas";

describe("the provider schemas", () => {
  it.each(["sqlite", "postgres"] as const)("%s matches prisma/models.prisma (run npm run db:schema)", (provider) => {
    expect(readFileSync(schemaPath(provider), "utf8")).toBe(renderSchema(provider));
  });
});
