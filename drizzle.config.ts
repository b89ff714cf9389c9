import { defineConfig } from "drizzle-kit";

// drizzle-kit only generates SQL here; the app applies it at start-up with the
// migrator that matches its driver (db/migrate.ts), so no credentials are needed.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  casing: "snake_case",
});
