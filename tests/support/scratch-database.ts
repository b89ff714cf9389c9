import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openPglite, openPostgres, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

// `url` is set on Postgres, for tests that start another process on the same database.
export type ScratchDatabase = { handle: DatabaseHandle; driver: DatabaseHandle["driver"]; url?: string; dispose(): Promise<void> };

/**
 * A migrated, empty database that nothing else uses: a new database on the
 * Postgres server of `serverUrl` (dropped by dispose), or in-memory PGlite;
 * migrated as far as `migrationsFolder` goes (all of db/migrations unless given).
 */
export async function openScratchDatabase(serverUrl = process.env.DATABASE_URL, migrationsFolder?: string): Promise<ScratchDatabase> {
  if (!serverUrl) {
    const handle = openPglite("memory://");
    await migrateDatabase(handle, migrationsFolder);
    return { handle, driver: "pglite", dispose: () => handle.close() };
  }
  const name = `rolecall_scratch_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString());
  await migrateDatabase(handle, migrationsFolder);
  return {
    handle,
    driver: "postgres",
    url: url.toString(),
    dispose: async () => {
      await handle.close();
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
