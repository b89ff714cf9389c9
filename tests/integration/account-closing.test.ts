import { beforeAll, describe, expect, it } from "vitest";
import { findAccountById } from "@/db/queries/accounts";
import { seedDemoData, DEMO_PASSWORD } from "@/db/seed";
import { closeAccount, reopenAccount } from "@/lib/accounts/close-account";
import { decideRequest } from "@/lib/auth/guard";
import { verifyCredentials } from "@/lib/auth/credentials";
import { accessAs, accountIdOf, inTransaction, userIdOf } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();
beforeAll(() => seedDemoData());
const accessOf = accessAs;

describe(`closing an account (${database.driver})`, () => {
  it("needs the exact name typed, and never applies to a network", async () => {
    const bright = (await findAccountById(await accountIdOf("bright-dental")))!;
    await expect(inTransaction((tx) => closeAccount(tx, bright, "bright dental"))).rejects.toThrow(/Type the account's name/);
    const acme = (await findAccountById(await accountIdOf("acme")))!;
    await expect(inTransaction((tx) => closeAccount(tx, acme, "Acme Network"))).rejects.toThrow(/network account cannot be closed/);
  });

  it("refuses everyone but the network's Super Users until it is reopened", async () => {
    const bright = (await findAccountById(await accountIdOf("bright-dental")))!;
    await inTransaction((tx) => closeAccount(tx, bright, "Bright Dental"));

    expect(await accessOf("admin@bright-dental.test", "bright-dental")).toBe("not-found");
    expect(await accessOf("manager@acme.test", "bright-dental")).toBe("not-found");
    const networkAdmin = await accessOf("superuser@acme.test", "bright-dental");
    expect(networkAdmin).toMatchObject({ closed: true, via: "network" });

    const admin = await userIdOf("admin@bright-dental.test");
    expect(await decideRequest("/a/bright-dental", { userId: admin, sessionVersion: 1 })).toBe("not-found");
    // Their only account is closed: signing in is refused like any failure.
    expect(await verifyCredentials({ email: "admin@bright-dental.test", password: DEMO_PASSWORD })).toBeNull();

    await inTransaction((tx) => reopenAccount(tx, bright));
    expect(await accessOf("admin@bright-dental.test", "bright-dental")).toMatchObject({ closed: false, isHolder: true });
    expect(await verifyCredentials({ email: "admin@bright-dental.test", password: DEMO_PASSWORD })).not.toBeNull();
  });
});
