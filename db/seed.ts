import { and, eq, inArray, isNull } from "drizzle-orm";
import { hashPassword } from "@/lib/auth/password";
import { ROLE_LABELS, type Role } from "@/lib/authz/roles";
import { db, type Database } from "./client";
import { accounts, memberships, users, type AccountType } from "./schema";
import { seedDemoCalls } from "./seed-calls";
import type { DataFilter } from "@/lib/authz/data-filter";
import type { Product } from "@/lib/authz/products";

export const DEMO_PASSWORD = "rolecall-demo";
const BOTH_PRODUCTS: Product[] = ["marketing", "contact_center"];

type DemoAccount = { slug: string; name: string; type: AccountType; parent?: string; holder: string };
type DemoMember = { email: string; name: string; account: string; role: Role; dataFilter?: DataFilter };

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { slug: "acme", name: "Acme Network", type: "network", holder: "superuser@acme.test" },
  { slug: "bright-dental", name: "Bright Dental", type: "advertiser", parent: "acme", holder: "admin@bright-dental.test" },
  { slug: "summit-auto", name: "Summit Auto", type: "advertiser", parent: "acme", holder: "superuser@acme.test" },
  { slug: "callflow-media", name: "CallFlow Media", type: "publisher", parent: "acme", holder: "superuser@acme.test" },
];

export const DEMO_MEMBERS: DemoMember[] = [
  { email: "superuser@acme.test", name: "Avery Stone", account: "acme", role: "super_user" },
  { email: "manager@acme.test", name: "Morgan Lee", account: "acme", role: "manager" },
  { email: "member@acme.test", name: "Jordan Patel", account: "acme", role: "member" },
  { email: "observer@acme.test", name: "Riley Chen", account: "acme", role: "observer" },
  { email: "reporting@acme.test", name: "Casey Nguyen", account: "acme", role: "reporting" },
  {
    email: "filtered@acme.test",
    name: "Taylor Brooks",
    account: "acme",
    role: "filtered_reporting",
    dataFilter: { category: "location", values: ["Denver"] },
  },
  { email: "admin@bright-dental.test", name: "Priya Shah", account: "bright-dental", role: "super_user" },
];

/**
 * Creates the demo network, its accounts and one user per role. Idempotent:
 * it only inserts what is missing and never overwrites, so a second run (or a
 * run after someone changed a demo user) changes nothing.
 */
export async function seedDemoData(database: Database = db()): Promise<{ insertedUsers: number; insertedCalls: number }> {
  const emails = DEMO_MEMBERS.map((member) => member.email);
  const existing = await database.select({ email: users.email }).from(users).where(inArray(users.email, emails));
  const existingEmails = new Set(existing.map((row) => row.email));
  const missing = DEMO_MEMBERS.filter((member) => !existingEmails.has(member.email));
  // Hashing is the slow part (argon2), so it happens outside the transaction.
  const newUsers = await Promise.all(
    missing.map(async (member) => ({
      email: member.email,
      name: member.name,
      passwordHash: await hashPassword(DEMO_PASSWORD),
    })),
  );

  return database.transaction(async (tx) => {
    const inserted = newUsers.length
      ? await tx.insert(users).values(newUsers).onConflictDoNothing().returning({ id: users.id })
      : [];
    const userRows = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
    const userId = new Map(userRows.map((row) => [row.email, row.id]));

    const accountId = new Map<string, string>();
    for (const demo of DEMO_ACCOUNTS) {
      await tx
        .insert(accounts)
        .values({
          slug: demo.slug,
          name: demo.name,
          type: demo.type,
          parentId: demo.parent ? accountId.get(demo.parent) : null,
          products: BOTH_PRODUCTS,
          holderUserId: userId.get(demo.holder),
        })
        .onConflictDoNothing();
      const [row] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.slug, demo.slug));
      if (!row) throw new Error(`Seeding ${demo.slug} failed`);
      accountId.set(demo.slug, row.id);
      await tx
        .update(accounts)
        .set({ holderUserId: userId.get(demo.holder) })
        .where(and(eq(accounts.id, row.id), isNull(accounts.holderUserId)));
    }

    await tx
      .insert(memberships)
      .values(
        DEMO_MEMBERS.map((member) => ({
          userId: userId.get(member.email)!,
          accountId: accountId.get(member.account)!,
          role: member.role,
          licenses: BOTH_PRODUCTS,
          dataFilter: member.dataFilter ?? null,
        })),
      )
      .onConflictDoNothing();

    const insertedCalls = await seedDemoCalls(tx, accountId);
    return { insertedUsers: inserted.length, insertedCalls };
  });
}

export async function isDatabaseEmpty(database: Database = db()): Promise<boolean> {
  const rows = await database.select({ id: accounts.id }).from(accounts).limit(1);
  return rows.length === 0;
}

export function demoCredentialsText(url: string): string {
  const lines = DEMO_MEMBERS.map((member) => `    ${member.email.padEnd(26)} ${ROLE_LABELS[member.role]} (${member.account})`);
  return [`  Sign in at ${url}/sign-in with password "${DEMO_PASSWORD}" as:`, ...lines].join("\n");
}
