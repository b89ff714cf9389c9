// Bulk upload preview at scale: `npx tsx bench/plan-import.ts` (PGlite) or with
// DATABASE_URL (a scratch database on that server, dropped at the end).
// Seeds a network with 50,000 members, then plans a 100,000-row file: half of
// it those members (mostly unchanged, some role, license and name changes,
// some deletes), half new people, with a few typos. Prints the plan's time
// and, as a ratio, against a baseline measured in the same run: parsing the
// same emails and reading the same members with one plain query per 1,000.
import { performance } from "node:perf_hooks";
import { inArray, sql } from "drizzle-orm";
import { useDatabase } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { accessContextFor } from "@/lib/authz/authorize";
import { planImport, type ImportRow } from "@/lib/bulk/plan-import";
import { emailSchema } from "@/lib/validation/user";
import { openScratchDatabase } from "@/tests/support/scratch-database";

const MEMBERS = 50_000;
const ROWS = 100_000;
const ROLES = ["Member", "observer", "Reporting", "Manager", "super user", "Manger"];
const LICENSES = ["", "Marketing", "contact center", "Marketing, Contact Center"];

function fileRows(): ImportRow[] {
  return Array.from({ length: ROWS }, (_, i): ImportRow => {
    const existing = i < MEMBERS;
    const base = { rowNumber: i + 2, email: `Person${i}@Example.com `, name: "", license: "", delete: "" };
    if (!existing) return { ...base, role: ROLES[i % ROLES.length]!, license: LICENSES[i % LICENSES.length]!, name: i % 3 ? `New ${i}` : "" };
    if (i % 100 === 1) return { ...base, role: "Observer" };
    if (i % 100 === 2) return { ...base, role: "Member", name: `Renamed ${i}` };
    if (i % 100 === 3) return { ...base, role: "", delete: "Delete User" };
    return { ...base, role: "Member", name: `Person ${i}`, license: "Marketing, Contact Center" };
  });
}

async function main() {
  const scratch = await openScratchDatabase();
  useDatabase(scratch.handle);
  const database = scratch.handle.db;
  try {
    await database.execute(sql`insert into users (email, name) values ('admin@bench.test', 'Bench Admin')`);
    await database.execute(sql`insert into accounts (name, slug, type, products) values ('Bench', 'bench', 'network', '{marketing,contact_center}')`);
    await database.execute(sql`insert into users (email, name) select 'person' || g || '@example.com', 'Person ' || g from generate_series(0, ${MEMBERS - 1}) g`);
    await database.execute(sql`
      insert into memberships (user_id, account_id, role, licenses)
      select u.id, a.id, case when u.email = 'admin@bench.test' then 'super_user' else 'member' end::role, '{marketing,contact_center}'
      from users u, accounts a where a.slug = 'bench'`);
    const [admin] = await database.select({ id: users.id }).from(users).where(inArray(users.email, ["admin@bench.test"]));
    const actor = await accessContextFor({ user: { id: admin!.id, email: "admin@bench.test", name: "Bench Admin" }, signedInAt: new Date() }, "bench");
    if (actor === "not-found") throw new Error("The bench admin cannot reach the account");
    const rows = fileRows();

    const baselineStart = performance.now();
    const emails = rows.flatMap((row) => {
      const parsed = emailSchema.safeParse(row.email);
      return parsed.success ? [parsed.data] : [];
    });
    for (let start = 0; start < emails.length; start += 1_000) {
      await database
        .select({ id: memberships.id, email: users.email, role: memberships.role })
        .from(users)
        .innerJoin(memberships, sql`${memberships.userId} = ${users.id}`)
        .where(inArray(users.email, emails.slice(start, start + 1_000)));
    }
    const baseline = performance.now() - baselineStart;

    const start = performance.now();
    const plan = await planImport(database, actor, rows);
    const elapsed = performance.now() - start;

    console.log(`driver: ${scratch.driver}; ${ROWS.toLocaleString("en-US")} rows against ${MEMBERS.toLocaleString("en-US")} members`);
    console.log("counts:", plan.counts);
    console.log(`plan: ${(elapsed / 1000).toFixed(2)} s; baseline (parse emails + read members): ${(baseline / 1000).toFixed(2)} s; ratio ${(elapsed / baseline).toFixed(2)}×`);
    console.log(`peak RSS so far: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  } finally {
    useDatabase(undefined);
    await scratch.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
