// Prisma CLI config for the PostgreSQL schema (DATABASE_URL=postgres://…).
import "dotenv/config";
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/postgres/schema.prisma",
  migrations: { path: "prisma/postgres/migrations" },
});
