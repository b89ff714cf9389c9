import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { findAccountAccess } from "@/db/queries/accounts";
import { findUsablePasswordToken, issuePasswordToken } from "@/db/queries/password-tokens";
import { passwordTokens, users } from "@/db/schema";
import { createNetworkWithAdmin } from "@/lib/accounts/create-network-with-admin";
import { verifyCredentials } from "@/lib/auth/credentials";
import { setPasswordWithToken } from "@/lib/auth/set-password";
import { hashToken } from "@/lib/auth/tokens";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();
const PASSWORD = "a long enough passphrase";

describe(`create-admin (${database.driver})`, () => {
  it("creates a network whose first Super User and holder sets a password through a one-time link", async () => {
    const created = await createNetworkWithAdmin({ email: "Founder@Example.com", accountName: "Example Network" });
    expect(created.account.slug).toBe("example-network");
    expect(created.user.email).toBe("founder@example.com");
    expect(await findAccountAccess(created.user.id, "example-network")).toMatchObject({
      role: "super_user",
      via: "direct",
      account: { holderUserId: created.user.id, type: "network" },
    });

    const token = created.setPasswordToken!;
    const [stored] = await db().select().from(passwordTokens).where(eq(passwordTokens.userId, created.user.id));
    expect(stored!.tokenHash).toBe(hashToken(token));
    expect(stored!.tokenHash).not.toContain(token);

    expect(await verifyCredentials({ email: "founder@example.com", password: PASSWORD })).toBeNull();
    expect(await findUsablePasswordToken(token)).toMatchObject({ email: "founder@example.com", purpose: "set_password" });
    expect(await setPasswordWithToken(token, PASSWORD)).toBe(true);
    expect(await verifyCredentials({ email: "founder@example.com", password: PASSWORD })).toMatchObject({ sessionVersion: 2 });
  });

  it("consumes a link once, even when two submits race", async () => {
    const { setPasswordToken } = await createNetworkWithAdmin({ email: "race@example.com", accountName: "Race Network" });
    const results = await Promise.all([
      setPasswordWithToken(setPasswordToken!, PASSWORD),
      setPasswordWithToken(setPasswordToken!, "another long passphrase"),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await setPasswordWithToken(setPasswordToken!, PASSWORD)).toBe(false);
    expect(await findUsablePasswordToken(setPasswordToken!)).toBeUndefined();
  });

  it("refuses expired, superseded and unknown links", async () => {
    const { user, setPasswordToken } = await createNetworkWithAdmin({ email: "late@example.com", accountName: "Late Network" });
    const expired = await issuePasswordToken(user.id, "reset_password", db(), -1);
    expect(await setPasswordWithToken(expired.token, PASSWORD)).toBe(false);
    const fresh = await issuePasswordToken(user.id, "set_password");
    expect(await setPasswordWithToken(setPasswordToken!, PASSWORD)).toBe(false);
    expect(await setPasswordWithToken("not-a-token", PASSWORD)).toBe(false);
    expect(await setPasswordWithToken(fresh.token, PASSWORD)).toBe(true);
  });

  it("gives a taken name a free slug and needs no link for someone who has a password", async () => {
    await createNetworkWithAdmin({ email: "first@example.com", accountName: "Twin Network" });
    const [first] = await db().select().from(users).where(eq(users.email, "first@example.com"));
    await db().update(users).set({ passwordHash: "$argon2id$placeholder" }).where(eq(users.id, first!.id));
    const second = await createNetworkWithAdmin({ email: "first@example.com", accountName: "Twin Network" });
    expect(second.account.slug).toBe("twin-network-2");
    expect(second.setPasswordToken).toBeUndefined();
  });

  it("rejects bad input before writing anything", async () => {
    await expect(createNetworkWithAdmin({ email: "not-an-email", accountName: "X Network" })).rejects.toThrow(/valid email/);
    await expect(createNetworkWithAdmin({ email: "ok@example.com", accountName: "!!" })).rejects.toThrow();
    expect(await db().select().from(users).where(eq(users.email, "ok@example.com"))).toEqual([]);
  });
});
