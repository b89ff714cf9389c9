import { afterAll, beforeAll } from "vitest";
import { useDatabase, type DatabaseHandle } from "@/db/client";
import { openScratchDatabase, type ScratchDatabase } from "../../support/scratch-database";

/**
 * Gives the test file a database of its own, migrated and installed as the
 * app's database: a fresh database on the Postgres server at DATABASE_URL
 * when set, else an in-memory PGlite. The same tests run on both drivers.
 */
export function useTestDatabase(): { handle: () => DatabaseHandle; driver: DatabaseHandle["driver"]; url: () => string | undefined } {
  let scratch: ScratchDatabase | undefined;

  beforeAll(async () => {
    scratch = await openScratchDatabase();
    useDatabase(scratch.handle);
  });

  afterAll(async () => {
    useDatabase(undefined);
    await scratch?.dispose();
  });

  return {
    handle: () => {
      if (!scratch) throw new Error("The test database is opened in beforeAll");
      return scratch.handle;
    },
    driver: process.env.DATABASE_URL ? "postgres" : "pglite",
    url: () => scratch?.url,
  };
}
