import { eq, like } from "drizzle-orm";
import { db } from "@/db/client";
import { issuePasswordToken } from "@/db/queries/password-tokens";
import { accounts, memberships, users } from "@/db/schema";
import { createNetworkAdminSchema, type CreateNetworkAdminInput } from "@/lib/validation/account";
import { slugify } from "@/lib/validation/ids";

export type CreatedNetwork = {
  account: { id: string; slug: string; name: string };
  user: { id: string; email: string };
  // Present when the person has no password yet: a one-time link to set one.
  setPasswordToken?: string;
};

/** The slug for a new account: the name's slug, or with -2, -3 … when taken. */
async function freeSlug(name: string): Promise<string> {
  const base = slugify(name) || "account";
  const taken = new Set(
    (await db().select({ slug: accounts.slug }).from(accounts).where(like(accounts.slug, `${base}%`))).map((row) => row.slug),
  );
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base.slice(0, 60).replace(/-+$/, "")}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Bootstraps a network account on an empty (or any) database: the account, its
 * first Super User, who is also the account holder, and — unless that person
 * already has a Rolecall password — a one-time link to set one.
 */
export async function createNetworkWithAdmin(input: CreateNetworkAdminInput): Promise<CreatedNetwork> {
  const { email, accountName, name, products } = createNetworkAdminSchema.parse(input);
  const slug = await freeSlug(accountName);

  return db().transaction(async (tx) => {
    await tx
      .insert(users)
      .values({ email, name: name ?? email.split("@")[0]! })
      .onConflictDoNothing();
    const [user] = await tx.select().from(users).where(eq(users.email, email));
    if (!user) throw new Error(`Could not create the user ${email}`);

    const [account] = await tx
      .insert(accounts)
      .values({ name: accountName, slug, type: "network", products, holderUserId: user.id })
      .returning({ id: accounts.id, slug: accounts.slug, name: accounts.name });
    await tx.insert(memberships).values({ userId: user.id, accountId: account!.id, role: "super_user", licenses: products });

    const setPasswordToken = user.passwordHash ? undefined : (await issuePasswordToken(user.id, "set_password", tx)).token;
    return { account: account!, user: { id: user.id, email: user.email }, setPasswordToken };
  });
}
