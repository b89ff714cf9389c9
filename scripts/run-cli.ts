import { databaseHandle, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/** Runs a command-line task against the configured database, migrated first. */
export function runCli(task: (handle: DatabaseHandle) => Promise<void>): void {
  const handle = databaseHandle();
  migrateDatabase(handle)
    .then(() => task(handle))
    .then(
      () => handle.close(),
      async (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exitCode = 1;
        await handle.close();
      },
    );
}
