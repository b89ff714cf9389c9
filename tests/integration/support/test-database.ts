import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll } from "vitest";
import { openPglite, openPostgres, useDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/**
 * Gives the test file a database of its own, migrated and installed as the
 * app's database: a fresh database on the Postgres server at DATABASE_URL
 * when set, else an in-memory PGlite. The same tests run on both drivers.
 */
export function useTestDatabase(): { handle: () => DatabaseHandle; driver: "postgres" | "pglite" } {
  const serverUrl = process.env.DATABASE_URL;
  let handle: DatabaseHandle | undefined;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    if (serverUrl) {
      const name = `rolecall_test_${randomBytes(6).toString("hex")}`;
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      handle = openPostgres(url.toString());
      dropDatabase = async () => {
        const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      };
    } else {
      handle = openPglite("memory://");
    }
    await migrateDatabase(handle);
    useDatabase(handle);
  });

  afterAll(async () => {
    useDatabase(undefined);
    await handle?.close();
    await dropDatabase?.();
  });

  return {
    handle: () => {
      if (!handle) throw new Error("The test database is opened in beforeAll");
      return handle;
    },
    driver: serverUrl ? "postgres" : "pglite",
  };
}
