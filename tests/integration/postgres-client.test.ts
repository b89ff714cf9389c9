import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import { afterAll, describe, expect, it } from "vitest";
import { openPostgres } from "@/db/client";
import { openScratchDatabase, type ScratchDatabase } from "@/tests/support/scratch-database";

// postgres.js-only behaviour (db/postgres-client.ts): PGlite has no pool to keep things in.
const postgresUrl = process.env.DATABASE_URL;

/** A full garbage collection, which this test needs to see what is still reachable. */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

describe.skipIf(!postgresUrl)("the postgres.js pool", () => {
  let scratch: ScratchDatabase;
  afterAll(() => scratch?.dispose());

  it("keeps nothing a transaction held or returned once it is done, its first savepoint and rollback included", async () => {
    scratch = await openScratchDatabase(postgresUrl);
    const handle = openPostgres(scratch.url!);
    try {
      const refs: WeakRef<object>[] = [];
      await (async () => {
        const held = { rows: Array.from({ length: 10_000 }, (_, i) => ({ i })) };
        const returned = { plan: Array.from({ length: 10_000 }, (_, i) => ({ i })) };
        refs.push(new WeakRef(held), new WeakRef(returned));
        const result = await handle.db.transaction(async (tx) => {
          await tx.transaction(async () => void held.rows.length);
          await tx.transaction(async () => Promise.reject(new Error(`undo ${held.rows.length}`))).catch(() => undefined);
          return returned;
        });
        if (result !== returned) throw new Error("The transaction handed back something else");
        await handle.db.transaction(async () => Promise.reject(new Error(`undo ${held.rows.length}`))).catch(() => undefined);
      })();
      await new Promise((resolve) => setTimeout(resolve, 10));
      collectGarbage();
      expect(refs.map((ref) => ref.deref() === undefined)).toEqual([true, true]);
    } finally {
      await handle.close();
    }
  });

  it("still hands back what a transaction returns, and its error when it fails", async () => {
    const handle = openPostgres(scratch.url!);
    try {
      await expect(handle.db.transaction(async (tx) => (await tx.execute("select 41 + 1 as answer"))[0])).resolves.toEqual({ answer: 42 });
      await expect(handle.db.transaction(async (tx) => tx.execute("select 1/0"))).rejects.toMatchObject({ cause: { message: "division by zero" } });
    } finally {
      await handle.close();
    }
  });
});
