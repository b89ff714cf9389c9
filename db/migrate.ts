import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { databaseHandle, type DatabaseHandle } from "./client";

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");
// Any fixed number; every app instance takes the same lock.
const MIGRATION_LOCK_ID = 7_204_611;

/**
 * Applies the committed migrations with the migrator that matches the driver.
 * On Postgres several app instances may start at once, so they take turns
 * behind an advisory lock; the second one finds nothing left to do. Tests
 * pass a folder holding the history up to an earlier migration.
 */
export async function migrateDatabase(handle: DatabaseHandle = databaseHandle(), migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  if (handle.driver === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const lockConnection = await handle.client.reserve();
  try {
    await lockConnection`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migratePostgres(handle.db, { migrationsFolder });
  } finally {
    await lockConnection`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
    lockConnection.release();
  }
}
