import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { createAccessPreset, deleteAccessPreset, listAccessPresets } from "@/db/queries/access-presets";
import { seedDemoData } from "@/db/seed";
import { accountIdOf } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();
beforeAll(() => seedDemoData());
const preset = { name: "Franchise manager", role: "manager" as const, licenses: ["marketing" as const], overrides: { "users.invite": false } };

describe(`access presets (${database.driver})`, () => {
  it("are kept per account, with names unique regardless of case", async () => {
    const acme = await accountIdOf("acme");
    const bright = await accountIdOf("bright-dental");
    await createAccessPreset(db(), acme, preset);
    await expect(createAccessPreset(db(), acme, { ...preset, name: "FRANCHISE MANAGER" })).rejects.toThrow(/already exists/);
    await createAccessPreset(db(), bright, preset);
    expect((await listAccessPresets(acme)).map((p) => [p.name, p.role, p.overrides])).toEqual([["Franchise manager", "manager", { "users.invite": false }]]);
  });

  it("cannot be deleted through another account", async () => {
    const acme = await accountIdOf("acme");
    const bright = await accountIdOf("bright-dental");
    const [acmePreset] = await listAccessPresets(acme);
    await expect(deleteAccessPreset(db(), bright, acmePreset!.id)).rejects.toThrow(/no longer exists/);
    expect(await listAccessPresets(acme)).toHaveLength(1);
    await deleteAccessPreset(db(), acme, acmePreset!.id);
    expect(await listAccessPresets(acme)).toEqual([]);
  });
});
