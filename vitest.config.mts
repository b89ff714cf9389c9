import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Each file opens its own database (a fresh Postgres database or an
          // in-memory PGlite); argon2 and migrations make the first test slow.
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: "forks",
          // next-auth imports "next/server" without an extension, which Node's
          // ESM resolver refuses; inlined, Vite resolves it.
          server: { deps: { inline: ["next-auth", "@auth/core"] } },
        },
      },
    ],
  },
});
