// Benchmarks the lookups every portal request makes, against baselines measured
// in the same run: `npm run bench` (set DATABASE_URL to measure Postgres).
//
//   account access, prepared  vs  the same query unprepared
//   switcher, network with 10,000 advertisers  vs  an admin of one account
import { performance } from "node:perf_hooks";
import { and, eq, or, sql } from "drizzle-orm";
import { useDatabase } from "@/db/client";
import { findAccountAccess, listReachableAccounts } from "@/db/queries/accounts";
import { seedDemoData } from "@/db/seed";
import { accounts, memberships } from "@/db/schema";
import { openScratchDatabase } from "@/tests/support/scratch-database";

const CHILD_ACCOUNTS = 10_000;
const ITERATIONS = 2_000;

async function microsecondsPerCall(task: () => Promise<unknown>, iterations = ITERATIONS): Promise<number> {
  for (let i = 0; i < Math.min(200, iterations); i += 1) await task(); // warm-up
  const start = performance.now();
  for (let i = 0; i < iterations; i += 1) await task();
  return ((performance.now() - start) * 1000) / iterations;
}

function report(label: string, value: number, baseline: number, baselineLabel: string) {
  console.log(`${label.padEnd(44)} ${value.toFixed(0).padStart(7)} µs  ${(value / baseline).toFixed(2)}× ${baselineLabel}`);
}

async function main() {
  const scratch = await openScratchDatabase();
  useDatabase(scratch.handle);
  const database = scratch.handle.db;
  try {
    await seedDemoData(database);
    const [acme] = await database.select().from(accounts).where(eq(accounts.slug, "acme"));
    for (let offset = 0; offset < CHILD_ACCOUNTS; offset += 1_000) {
      await database.insert(accounts).values(
        Array.from({ length: 1_000 }, (_, i) => ({
          name: `Franchise ${offset + i}`,
          slug: `franchise-${offset + i}`,
          type: "advertiser" as const,
          parentId: acme!.id,
          products: ["marketing" as const],
        })),
      );
    }
    const [superuser] = await database.execute<{ id: string }>(sql`select id from users where email = 'superuser@acme.test'`).then(rowsOf);
    const [admin] = await database.execute<{ id: string }>(sql`select id from users where email = 'admin@bright-dental.test'`).then(rowsOf);

    const unprepared = () =>
      database
        .select({ role: memberships.role })
        .from(accounts)
        .innerJoin(
          memberships,
          and(
            eq(memberships.userId, superuser!.id),
            eq(memberships.status, "active"),
            or(eq(memberships.accountId, accounts.id), eq(memberships.accountId, accounts.parentId)),
          ),
        )
        .where(eq(accounts.slug, "franchise-5000"));

    console.log(`driver: ${scratch.driver}, ${CHILD_ACCOUNTS} child accounts, ${ITERATIONS} calls each`);
    const baseline = await microsecondsPerCall(unprepared);
    report("account access, unprepared (baseline)", baseline, baseline, "");
    report("account access, prepared", await microsecondsPerCall(() => findAccountAccess(superuser!.id, "franchise-5000")), baseline, "unprepared");

    const small = await microsecondsPerCall(() => listReachableAccounts(admin!.id), 300);
    report("switcher, one account (baseline)", small, small, "");
    report("switcher, network of 10,000", await microsecondsPerCall(() => listReachableAccounts(superuser!.id), 300), small, "one account");
    report("switcher search, network of 10,000", await microsecondsPerCall(() => listReachableAccounts(superuser!.id, { search: "franchise 99" }), 300), small, "one account");
  } finally {
    useDatabase(undefined);
    await scratch.dispose();
  }
}

// postgres.js returns the rows; PGlite returns { rows }.
function rowsOf<T>(result: T[] | { rows: T[] }): T[] {
  return Array.isArray(result) ? result : result.rows;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
