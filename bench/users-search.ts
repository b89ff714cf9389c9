// Users table search at scale: `DATABASE_URL=… npm run bench:search`.
// Seeds 1,000,000 users over 5,000 accounts (one with 200,000, whose network
// has 2,000 more) in a scratch database on that server (dropped at the end),
// then reports p50/p95 of the big account's page 1 with and without search,
// filters and other sorts, and of a deep page, as ratios to the unfiltered
// page 1 measured in the same run. Target: search p95 ≤ 25 ms and ≤ 3×; deep page ≤ 1.5×.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { useDatabase } from "@/db/client";
import { listMembers } from "@/db/queries/members";
import { openScratchDatabase } from "@/tests/support/scratch-database";
import type { MembersQuery } from "@/lib/validation/members-query";

const USERS = 1_000_000;
const ACCOUNTS = 5_000;
const BIG_ACCOUNT_MEMBERS = 200_000;
const NETWORK_MEMBERS = 2_000;
const RUNS = 30;
// One and two letters (common, and rare: "zq"), a name, no match, common parts
// of emails, and the starts of names people type, whose matches all sort
// after most of the account ("maria gar", "sara", "john s").
const TERMS = ["a", "jo", "zq", "smith", "zzzz", "user1", "example", "maria gar", "sara", "john s"];
// Besides search: a rare role, a rare status, and the other sorts.
const VIEWS: Array<[string, Partial<MembersQuery>]> = [
  ["role: manager (1 in 50)", { role: "manager" }],
  ["status: deactivated (1 in 100)", { status: "deactivated" }],
  ["sort by last sign-in", { sort: "last_sign_in" }],
  ['sort by email, search "smith"', { sort: "email", q: "smith" }],
  ['sort by role, search "maria gar"', { sort: "role", q: "maria gar" }],
];

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(task: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  await task();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await task();
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function main() {
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL: this benchmark measures Postgres.");
  const scratch = await openScratchDatabase();
  useDatabase(scratch.handle);
  const database = scratch.handle.db;
  try {
    console.log(`Seeding ${USERS.toLocaleString("en-US")} users over ${ACCOUNTS.toLocaleString("en-US")} accounts…`);
    const seedStart = performance.now();
    await database.execute(sql`insert into accounts (name, slug, type, products) values ('Bench Network', 'bench', 'network', '{marketing}')`);
    await database.execute(sql`
      insert into accounts (name, slug, type, parent_id, products)
      select 'Account ' || g, 'account-' || g, 'advertiser', (select id from accounts where slug = 'bench'), '{marketing}'
      from generate_series(1, ${ACCOUNTS - 1}) g`);
    await database.execute(sql`
      insert into users (email, name, last_sign_in_at)
      select 'user' || g || '@example.com',
             (array['Maria','John','Ana','Jose','Li','Wei','Sara','Ahmed','Olga','Kim'])[1 + g % 10] || ' ' ||
             (array['Garcia','Smith','Nguyen','Kim','Patel','Jones','Brown','Lee','Silva','Chen'])[1 + (g / 10) % 10] || ' ' || g,
             case when g % 10 < 7 then now() - (g % 5000) * interval '1 hour' end
      from generate_series(1, ${USERS}) g`);
    // The first 200,000 users belong to the network's biggest account, the
    // next 2,000 to the network itself; the rest spread over the others.
    // One member in 50 is a manager, one in 100 deactivated. The memberships
    // trigger copies each person's sort keys, as it does for every insert.
    await database.execute(sql`
      with numbered as (select id, row_number() over (order by id) as n from users),
           targets as (select id, row_number() over (order by slug <> 'bench', slug) as k from accounts)
      insert into memberships (user_id, account_id, role, licenses, status)
      select numbered.id, targets.id,
             case when numbered.n % 50 = 0 then 'manager' else 'member' end::role, '{marketing}',
             case when numbered.n % 100 = 7 then 'deactivated' else 'active' end::membership_status
      from numbered join targets
        on targets.k = case when numbered.n <= ${BIG_ACCOUNT_MEMBERS} then 2
                            when numbered.n <= ${BIG_ACCOUNT_MEMBERS + NETWORK_MEMBERS} then 1
                            else 3 + (numbered.n % ${ACCOUNTS - 2}) end`);
    // As autovacuum would after a bulk load: statistics, the trigram index's
    // pending entries merged, and the visibility map index-only scans rely on.
    await database.execute(sql`vacuum analyze`);
    console.log(`Seeded in ${((performance.now() - seedStart) / 1000).toFixed(0)} s.\n`);

    const [big] = (await database.execute<{ id: string; parent_id: string }>(
      sql`select a.id, a.parent_id from accounts a join memberships m on m.account_id = a.id group by a.id order by count(*) desc limit 1`,
    )) as unknown as Array<{ id: string; parent_id: string }>;
    const account = { id: big!.id, parentId: big!.parent_id };
    const page = (query: Partial<MembersQuery>) => () => listMembers(account, query);

    const baseline = await time(page({}));
    const report = (label: string, result: { p50: number; p95: number }) =>
      console.log(
        `${label.padEnd(34)} p50 ${result.p50.toFixed(1).padStart(7)} ms  p95 ${result.p95.toFixed(1).padStart(7)} ms  ${(result.p95 / baseline.p95).toFixed(2)}× page 1`,
      );
    report("page 1, no search (baseline)", baseline);
    for (const term of TERMS) report(`search "${term}"`, await time(page({ q: term })));
    for (const [label, query] of VIEWS) report(label, await time(page(query)));

    // A deep page: the one after the first 100,000 members by name.
    const { next: after } = await listMembers(account, {}, 100_000);
    report("page 2,001 (deep), no search", await time(page({ after })));
  } finally {
    useDatabase(undefined);
    await scratch.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
