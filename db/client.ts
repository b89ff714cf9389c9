import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { SQL } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type postgres from "postgres";
import { env, pgliteDataDir } from "@/lib/env";
import { openPostgresClient } from "./postgres-client";
import * as schema from "./schema";

// Both drivers expose the same Drizzle query API; the postgres.js type stands
// for both so queries are written once.
export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Executor = Database | Transaction;

export type DatabaseHandle =
  | { driver: "postgres"; db: Database; client: postgres.Sql; close(): Promise<void> }
  | { driver: "pglite"; db: Database; client: PGlite; close(): Promise<void> };

export function openPostgres(url: string): DatabaseHandle {
  const client = openPostgresClient(url);
  const db = drizzlePostgres({ client, schema, casing: "snake_case" });
  return { driver: "postgres", db, client, close: () => client.end({ timeout: 5 }) };
}

export function openPglite(dataDir: string): DatabaseHandle {
  // pg_trgm backs the users search, as on Postgres.
  const client = new PGlite(dataDir, { extensions: { pg_trgm } });
  const db = drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Database;
  return { driver: "pglite", db, client, close: () => client.close() };
}

export function openDatabaseFromEnv(): DatabaseHandle {
  const url = env().DATABASE_URL;
  return url ? openPostgres(url) : openPglite(pgliteDataDir());
}

// Cached on globalThis: Next.js loads the proxy, route bundles and
// instrumentation as separate module graphs in one process, and PGlite allows
// exactly one instance per data directory.
const GLOBAL_KEY = Symbol.for("rolecall.database");
type GlobalWithDatabase = typeof globalThis & { [GLOBAL_KEY]?: DatabaseHandle };

export function databaseHandle(): DatabaseHandle {
  const store = globalThis as GlobalWithDatabase;
  store[GLOBAL_KEY] ??= openDatabaseFromEnv();
  return store[GLOBAL_KEY];
}

export function db(): Database {
  return databaseHandle().db;
}

/** Replaces the process-wide database (tests open one per file). */
export function useDatabase(handle: DatabaseHandle | undefined): void {
  (globalThis as GlobalWithDatabase)[GLOBAL_KEY] = handle;
}

/** The rows of a raw query on either driver (postgres.js returns the rows, PGlite a result holding them). */
export async function queryRows<Row>(query: SQL, executor: Executor = db()): Promise<Row[]> {
  const result = (await executor.execute(query)) as unknown as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}
