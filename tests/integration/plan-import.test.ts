import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { listMembers } from "@/db/queries/members";
import { seedDemoData } from "@/db/seed";
import { accounts, invitations, memberships, users } from "@/db/schema";
import type { Overrides } from "@/lib/authz/effective";
import { PRODUCT_LABELS, PRODUCTS, type Product } from "@/lib/authz/products";
import { ROLE_LABELS, type Role } from "@/lib/authz/roles";
import { planImport, type ImportRow, type RowPlan } from "@/lib/bulk/plan-import";
import type { AccessContext } from "@/lib/authz/authorize";
import { accountIdOf, membershipOf, reachingAccessAs, userIdOf } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();
beforeAll(async () => {
  await seedDemoData();
  // A Manager given the bulk, edit and delete toggles: the only way someone below Super User uploads at all.
  await db()
    .update(memberships)
    .set({ overrides: { "users.bulk_manage": true, "users.edit": true, "users.delete": true } })
    .where(eq(memberships.userId, await userIdOf("manager@acme.test")));
});

let nextRow = 2;
function row(cells: Partial<Omit<ImportRow, "rowNumber">>): ImportRow {
  return { rowNumber: nextRow++, email: "", role: "", name: "", license: "", delete: "", ...cells };
}

async function plan(email: string, slug: string, rows: ImportRow[]) {
  return planImport(db(), await reachingAccessAs(email, slug), rows);
}

async function planOne(email: string, slug: string, cells: Partial<Omit<ImportRow, "rowNumber">>): Promise<RowPlan> {
  const { rows } = await plan(email, slug, [row(cells)]);
  return rows[0]!;
}

/** A network of its own, with people in it, for tests that change state. */
async function network(slug: string, people: { email: string; role: Role; licenses?: Product[]; overrides?: Overrides }[], products = [...PRODUCTS]) {
  const [account] = await db().insert(accounts).values({ name: `Net ${slug}`, slug, type: "network", products }).returning();
  for (const person of people) {
    const [user] = await db().insert(users).values({ email: person.email, name: person.email.split("@")[0]! }).returning();
    await db().insert(memberships).values({ userId: user!.id, accountId: account!.id, role: person.role, licenses: person.licenses ?? products, overrides: person.overrides ?? {} });
  }
  return account!;
}

describe(`planning a bulk upload: the file's cells (${database.driver})`, () => {
  it("re-uploading an exported state plans nothing but unchanged rows, on a network and on a child with via rows", async () => {
    // Summit Auto also gets a deactivated member, an invitation without a name, a
    // one-license member, and a network Manager with a membership of their own there.
    const summit = await accountIdOf("summit-auto");
    const people = await db()
      .insert(users)
      .values(["asleep", "invited", "narrow"].map((name) => ({ email: `${name}@summit.test`, name })))
      .returning();
    const [asleep, invited, narrow] = people;
    const [invitation] = await db()
      .insert(memberships)
      .values([
        { userId: asleep!.id, accountId: summit, role: "member", licenses: ["marketing"], status: "deactivated" },
        { userId: invited!.id, accountId: summit, role: "observer", licenses: ["contact_center"], status: "invited" },
        { userId: narrow!.id, accountId: summit, role: "reporting", licenses: ["contact_center"] },
        { userId: await userIdOf("manager@acme.test"), accountId: summit, role: "member", licenses: ["marketing"] },
      ])
      .returning()
      .then((rows) => rows.filter((m) => m.status === "invited"));
    await db().insert(invitations).values({ accountId: summit, membershipId: invitation!.id, email: "invited@summit.test", tokenHash: "export-invite", expiresAt: new Date(Date.now() + 86_400_000) });

    for (const slug of ["acme", "summit-auto"]) {
      const actor = await reachingAccessAs("superuser@acme.test", slug);
      const { rows: members } = await listMembers(actor.account, {}, 1_000);
      const exported = members.map((m) =>
        row({ email: m.email, name: m.name, role: ROLE_LABELS[m.role], license: m.licenses.map((p) => PRODUCT_LABELS[p]).join(", ") }),
      );
      expect(members.filter((m) => m.email === "manager@acme.test")).toHaveLength(slug === "acme" ? 1 : 2);
      const result = await planImport(db(), actor, exported);
      expect(result.counts).toEqual({ create: 0, update: 0, delete: 0, unchanged: members.length, error: 0 });
    }
  });

  it("normalizes emails and refuses invalid ones", async () => {
    const { rows } = await plan("superuser@acme.test", "acme", [
      row({ email: "  New.Person@Example.COM ", role: "Member" }),
      row({ email: "not an email", role: "Member" }),
      row({ email: "", role: "Member" }),
    ]);
    expect(rows[0]).toMatchObject({ kind: "create", email: "new.person@example.com", errors: [] });
    expect(rows[1]).toMatchObject({ kind: "error", email: "not an email", errors: ['"not an email" is not a valid email address.'] });
    expect(rows[2]!.errors).toEqual(["Enter an email address."]);
  });

  it("refuses every repeat of an email after its first row", async () => {
    const rows = [row({ email: "twice@x.test", role: "Member" }), row({ email: "other@x.test", role: "Member" }), row({ email: "TWICE@x.test ", role: "Observer" })];
    const result = await plan("superuser@acme.test", "acme", rows);
    expect(result.rows.map((r) => r.kind)).toEqual(["create", "create", "error"]);
    expect(result.rows[2]!.errors).toEqual([`twice@x.test is also on row ${rows[0]!.rowNumber}: keep one row per person.`]);
  });

  it("reads roles in any case or spacing, and suggests the closest to a typo", async () => {
    const roles = ["super user", "Super_User", "SUPERUSER", " filtered reporting ", "Manager"];
    const { rows } = await plan("superuser@acme.test", "acme", roles.map((role, i) => row({ email: `role${i}@x.test`, role })));
    expect(rows.map((r) => r.target?.role)).toEqual(["super_user", "super_user", "super_user", "filtered_reporting", "manager"]);

    expect((await planOne("superuser@acme.test", "acme", { email: "typo@x.test", role: "Manger" })).errors).toEqual(['"Manger" is not a role. Did you mean Manager?']);
    const unknown = await planOne("superuser@acme.test", "acme", { email: "typo@x.test", role: "Wizard" });
    expect(unknown.errors[0]).toMatch(/^"Wizard" is not a role\. Use one of Filtered Reporting, .*Super User\.$/);
    expect((await planOne("superuser@acme.test", "acme", { email: "typo@x.test" })).errors[0]).toMatch(/^Enter a role/);
  });

  it("refuses a role above the uploader's own", async () => {
    const result = await planOne("manager@acme.test", "acme", { email: "promoted@x.test", role: "Super User" });
    expect(result).toMatchObject({ kind: "error", errors: ["You can give roles up to your own (Manager)."] });
    expect((await planOne("manager@acme.test", "acme", { email: "peer@x.test", role: "Manager" })).kind).toBe("create");
  });

  it("reads licenses as labels or lists, blank as every product of the account", async () => {
    const cells = ["contact center", "Marketing, Contact Center", "marketing; CONTACT CENTER", "Marketing and Contact Center", "Contact Center & Marketing", ""];
    const { rows } = await plan("superuser@acme.test", "acme", cells.map((license, i) => row({ email: `lic${i}@x.test`, role: "Member", license })));
    expect(rows.map((r) => r.target?.licenses)).toEqual([["contact_center"], ...Array(5).fill(["marketing", "contact_center"])]);
    expect((await planOne("superuser@acme.test", "acme", { email: "lic@x.test", role: "Member", license: "Sales" })).errors).toEqual([
      '"Sales" is not a license. Use Marketing or Contact Center.',
    ]);
    expect((await planOne("superuser@acme.test", "acme", { email: "lic@x.test", role: "Member", license: "Marketting" })).errors).toEqual([
      '"Marketting" is not a license. Did you mean Marketing?',
    ]);
  });

  it("refuses a license that is not a product of the account", async () => {
    await network("ring", [{ email: "su@ring.test", role: "super_user" }], ["marketing"]);
    const result = await planOne("su@ring.test", "ring", { email: "new@ring.test", role: "Member", license: "Contact Center" });
    expect(result).toMatchObject({ kind: "error", errors: ["Contact Center is not a product of this account."] });
    expect((await planOne("su@ring.test", "ring", { email: "new@ring.test", role: "Member" })).target?.licenses).toEqual(["marketing"]);
  });

  it("plans an invitation with the row's role, licenses and name", async () => {
    const result = await plan("superuser@acme.test", "acme", [
      row({ email: "named@x.test", role: "Observer", name: "Named Person", license: "Marketing" }),
      row({ email: "nameless@x.test", role: "Reporting" }),
    ]);
    expect(result.rows.map((r) => r.target)).toEqual([
      { role: "observer", licenses: ["marketing"], name: "Named Person" },
      { role: "reporting", licenses: ["marketing", "contact_center"], name: null },
    ]);
    expect(result.counts.create).toBe(2);
  });

  it("suggests nothing for a row already refused on its email", async () => {
    const result = await planOne("superuser@acme.test", "acme", { email: "not an email", role: "Manger", license: "Marketting" });
    expect(result.errors).toEqual([
      '"not an email" is not a valid email address.',
      expect.stringMatching(/^"Manger" is not a role\. Use one of /),
      '"Marketting" is not a license. Use Marketing or Contact Center.',
    ]);
  });

  it("checks each row's action against the uploader's own permissions", async () => {
    // A Manager with the bulk toggle only: they may invite (a Manager's default), not edit or delete.
    await network("perms", [
      { email: "su@perms.test", role: "super_user" },
      { email: "mgr@perms.test", role: "manager", overrides: { "users.bulk_manage": true } },
      { email: "changed@perms.test", role: "member" },
      { email: "deleted@perms.test", role: "member" },
      { email: "kept@perms.test", role: "member" },
    ]);
    const { rows, counts } = await plan("mgr@perms.test", "perms", [
      row({ email: "new@perms.test", role: "Member" }),
      row({ email: "changed@perms.test", role: "Observer" }),
      row({ email: "deleted@perms.test", delete: "Delete User" }),
      row({ email: "kept@perms.test", role: "Member", name: "kept" }),
      row({ email: "kept@perms.test", role: "Member", name: "Renamed" }),
    ]);
    expect(rows[0]!.kind).toBe("create");
    expect(rows[1]).toMatchObject({ kind: "error", errors: ["You cannot edit users in this account."] });
    expect(rows[2]).toMatchObject({ kind: "error", errors: ["You cannot delete users in this account."] });
    expect(rows[3]!.kind).toBe("unchanged");
    expect(counts).toMatchObject({ create: 1, update: 0, delete: 0, unchanged: 1 });
    const rename = await planOne("mgr@perms.test", "perms", { email: "kept@perms.test", role: "Member", name: "Renamed" });
    expect(rename).toMatchObject({ kind: "error", errors: ["You cannot edit users in this account."] });

    await db().update(memberships).set({ overrides: { "users.bulk_manage": true, "users.invite": false } }).where(eq(memberships.userId, await userIdOf("mgr@perms.test")));
    expect(await planOne("mgr@perms.test", "perms", { email: "new@perms.test", role: "Member" })).toMatchObject({
      kind: "error",
      errors: ["You cannot invite users in this account."],
    });
  });

  it("refuses an uploader without the bulk permission", async () => {
    await expect(plan("member@acme.test", "acme", [row({ email: "x@x.test", role: "Member" })])).rejects.toThrow(/in bulk/);
  });
});

describe(`planning a bulk upload: changes to members (${database.driver})`, () => {
  it("shows role, license and name changes as labels, old → new", async () => {
    const member = await membershipOf("member@acme.test", "acme");
    const result = await planOne("superuser@acme.test", "acme", { email: "member@acme.test", role: "Observer", license: "Marketing", name: "Jordan P." });
    expect(result).toMatchObject({
      kind: "update",
      changes: [
        { field: "role", from: "Member", to: "Observer" },
        { field: "licenses", from: "Marketing, Contact Center", to: "Marketing" },
        { field: "name", from: "Jordan Patel", to: "Jordan P." },
      ],
      target: { role: "observer", licenses: ["marketing"], name: "Jordan P.", membershipId: member.id },
      existing: { membershipId: member.id, status: "active", version: member.version },
    });
  });

  it("keeps licenses and name when their cells are blank", async () => {
    const result = await planOne("superuser@acme.test", "acme", { email: "member@acme.test", role: "Member" });
    expect(result).toMatchObject({ kind: "unchanged", changes: [] });
    const demoted = await planOne("superuser@acme.test", "acme", { email: "member@acme.test", role: "Observer" });
    expect(demoted.target).toMatchObject({ licenses: ["marketing", "contact_center"], name: null });
  });

  it("refuses changing the uploader, someone above them, or the holder's role", async () => {
    const self = await planOne("superuser@acme.test", "acme", { email: "superuser@acme.test", role: "Manager" });
    expect(self.errors).toEqual(["You cannot change your own membership. Ask another Super User."]);
    const ownName = await planOne("superuser@acme.test", "acme", { email: "superuser@acme.test", role: "Super User", name: "Avery S." });
    expect(ownName.errors).toEqual(["Change your own name on your profile page."]);
    const above = await planOne("manager@acme.test", "acme", { email: "superuser@acme.test", role: "Manager" });
    expect(above.errors).toContain("You cannot change someone whose role is above yours.");
    const holder = await planOne("admin@bright-dental.test", "bright-dental", { email: "admin@bright-dental.test", role: "Super User", name: "P. Shah" });
    expect(holder.kind).toBe("error");
    // The holder's role stays; another Super User of the network may still change their licenses.
    const network = await reachingAccessAs("superuser@acme.test", "bright-dental");
    const { rows } = await planImport(db(), network, [
      row({ email: "admin@bright-dental.test", role: "Manager" }),
      row({ email: "admin@bright-dental.test", role: "Super User", license: "Marketing" }),
    ]);
    expect(rows[0]!.errors).toContain("The account holder stays a Super User. They must transfer ownership first.");
    expect(rows[1]!.errors).toContain(`admin@bright-dental.test is also on row ${rows[0]!.rowNumber}: keep one row per person.`);
  });

  it("counts the toggles a member keeps: one the uploader lacks is refused, as on the member's page", async () => {
    // The uploader lacks Comment on calls; a Super User toggled it on for a Reporting member, who only gets it with Contact Center.
    await network("kept-toggles", [
      { email: "su@toggles.test", role: "super_user" },
      { email: "mgr@toggles.test", role: "manager", overrides: { "users.bulk_manage": true, "users.edit": true, "calls.comment": false } },
      { email: "commenter@toggles.test", role: "reporting", licenses: ["marketing"], overrides: { "calls.comment": true } },
      { email: "mentioner@toggles.test", role: "reporting", licenses: ["marketing"], overrides: { "calls.mention": true } },
      { email: "plain@toggles.test", role: "reporting", licenses: ["marketing"] },
    ]);
    const { rows } = await plan("mgr@toggles.test", "kept-toggles", [
      row({ email: "commenter@toggles.test", role: "Reporting", license: "Marketing, Contact Center" }),
      row({ email: "mentioner@toggles.test", role: "Reporting", license: "Marketing, Contact Center" }),
      row({ email: "plain@toggles.test", role: "Reporting", license: "Marketing, Contact Center" }),
    ]);
    expect(rows[0]).toMatchObject({
      kind: "error",
      errors: ["This member keeps their permission toggles (Comment on calls). You can only toggle permissions you have yourself."],
    });
    // Same role and licenses, other toggles: the escalation answers are not shared between them.
    expect(rows.slice(1).map((r) => r.kind)).toEqual(["update", "update"]);
    // A name alone leaves access as it is: no toggle is checked.
    expect((await planOne("mgr@toggles.test", "kept-toggles", { email: "commenter@toggles.test", role: "Reporting", name: "C" })).kind).toBe("update");
  });

  it("renames only people the uploader's reach covers, and invitations always", async () => {
    const bright = await accountIdOf("bright-dental");
    const [both] = await db().insert(users).values({ email: "both@x.test", name: "Both" }).returning();
    const [only] = await db().insert(users).values({ email: "only@x.test", name: "Only" }).returning();
    const [invitee] = await db().insert(users).values({ email: "invitee@x.test", name: "Their Own Name" }).returning();
    await db().insert(memberships).values([
      { userId: both!.id, accountId: bright, role: "member", licenses: ["marketing"] },
      { userId: both!.id, accountId: await accountIdOf("summit-auto"), role: "member", licenses: ["marketing"] },
      { userId: only!.id, accountId: bright, role: "member", licenses: ["marketing"] },
    ]);
    const [invited] = await db().insert(memberships).values({ userId: invitee!.id, accountId: bright, role: "member", licenses: ["marketing"], status: "invited" }).returning();
    await db().insert(invitations).values({ accountId: bright, membershipId: invited!.id, email: "invitee@x.test", name: "Invited As", tokenHash: "plan-import-hash", expiresAt: new Date(Date.now() + 86_400_000) });

    const { rows } = await plan("admin@bright-dental.test", "bright-dental", [
      row({ email: "both@x.test", role: "Member", name: "Renamed" }),
      row({ email: "only@x.test", role: "Member", name: "Renamed" }),
      row({ email: "invitee@x.test", role: "Member", name: "Invited As" }),
      row({ email: "invitee@x.test ", role: "Member", name: "Renamed Invite" }),
    ]);
    expect(rows[0]).toMatchObject({ kind: "error" });
    expect(rows[0]!.errors[0]).toMatch(/^You cannot rename both@x\.test/);
    expect(rows[1]).toMatchObject({ kind: "update", changes: [{ field: "name", from: "Only", to: "Renamed" }] });
    // An invited row compares with the invitation's name, as the table and the export show it.
    expect(rows[2]).toMatchObject({ kind: "unchanged", existing: { status: "invited" } });

    const renamedInvite = await planOne("admin@bright-dental.test", "bright-dental", { email: "invitee@x.test", role: "Observer", name: "Renamed Invite" });
    expect(renamedInvite).toMatchObject({ kind: "update", target: { role: "observer", name: "Renamed Invite", membershipId: invited!.id } });
  });

  it("tells a network member's exported row from their own membership's in a child account", async () => {
    // From the first test: manager@acme.test is a network Manager with their own Member membership in Summit Auto.
    const own = await membershipOf("manager@acme.test", "summit-auto");
    const exported = { email: "manager@acme.test", name: "Morgan Lee", license: "Marketing, Contact Center" };
    const { rows } = await plan("superuser@acme.test", "summit-auto", [
      row({ ...exported, role: "Manager" }),
      row({ ...exported, role: "Observer", license: "Marketing" }),
    ]);
    expect(rows.map((r) => r.kind)).toEqual(["unchanged", "update"]);
    expect(rows[1]).toMatchObject({ target: { role: "observer", membershipId: own.id }, changes: [{ field: "role", from: "Member", to: "Observer" }] });
    // A filtered export (Managers only) lists the network row alone: uploaded back, it changes nothing.
    const alone = await planOne("superuser@acme.test", "summit-auto", { ...exported, role: "Manager" });
    expect(alone).toMatchObject({ kind: "unchanged", errors: [] });
    expect(alone.existing).toBeUndefined();
    // Exported the other way (Members only), the own row alone is unchanged too.
    expect(await planOne("superuser@acme.test", "summit-auto", { ...exported, role: "Member", license: "Marketing" })).toMatchObject({
      kind: "unchanged",
      existing: { membershipId: own.id },
    });
    // A typed row (a blank cell) alone is about their own membership, even when it matches the network's.
    const typed = await planOne("superuser@acme.test", "summit-auto", { email: "manager@acme.test", role: "Manager" });
    expect(typed).toMatchObject({ kind: "update", target: { role: "manager", membershipId: own.id } });
    // So is a full row that changes anything.
    expect(await planOne("superuser@acme.test", "summit-auto", { ...exported, role: "Manager", license: "Contact Center" })).toMatchObject({
      kind: "update",
      target: { role: "manager", licenses: ["contact_center"], membershipId: own.id },
    });
    // Two rows that both change their own membership are still duplicates.
    const twice = await plan("superuser@acme.test", "summit-auto", [row({ ...exported, role: "Reporting" }), row({ ...exported, role: "Observer" })]);
    expect(twice.rows.map((r) => r.kind)).toEqual(["update", "error"]);
  });

  it("refuses changing a network member from a child account, naming the network", async () => {
    const { rows } = await plan("superuser@acme.test", "summit-auto", [
      row({ email: "reporting@acme.test", role: "Observer" }),
      row({ email: "member@acme.test", role: "Member", name: "Jordan Patel" }),
      row({ email: "observer@acme.test", delete: "Delete User" }),
    ]);
    const via = (email: string) => `${email} reaches this account through its network; change them in Acme Network.`;
    expect(rows[0]).toMatchObject({ kind: "error", errors: [via("reporting@acme.test")] });
    expect(rows[1]).toMatchObject({ kind: "unchanged" });
    expect(rows[2]).toMatchObject({ kind: "error", errors: [via("observer@acme.test")] });
  });
});

describe(`planning a bulk upload: deletes (${database.driver})`, () => {
  it("deletes members of this account, with Delete User in any case", async () => {
    const observer = await membershipOf("observer@acme.test", "acme");
    const { rows, counts } = await plan("superuser@acme.test", "acme", [
      row({ email: "observer@acme.test", role: "Observer", delete: "Delete User" }),
      row({ email: "reporting@acme.test", delete: " delete user " }),
      row({ email: "stranger@x.test", delete: "DELETE USER" }),
      row({ email: "filtered@acme.test", delete: "Remove" }),
    ]);
    expect(rows[0]).toMatchObject({ kind: "delete", existing: { membershipId: observer.id, status: "active" } });
    expect(rows[1]!.kind).toBe("delete");
    expect(rows[2]!.errors).toEqual(["stranger@x.test is not a member of this account."]);
    expect(rows[3]!.errors).toEqual(["Type Delete User to delete this user, or leave it blank."]);
    expect(counts).toEqual({ create: 0, update: 0, delete: 2, unchanged: 0, error: 2 });
  });

  it("refuses deleting the uploader, the holder, or someone above the uploader", async () => {
    const self = await planOne("superuser@acme.test", "acme", { email: "superuser@acme.test", delete: "Delete User" });
    expect(self.errors).toEqual([
      "You cannot delete yourself. Ask another Super User.",
      "The account holder cannot be deleted. They must transfer ownership first.",
    ]);
    const above = await planOne("manager@acme.test", "acme", { email: "superuser@acme.test", delete: "Delete User" });
    expect(above.errors).toEqual([
      "You cannot delete someone whose role is above yours.",
      "The account holder cannot be deleted. They must transfer ownership first.",
    ]);
    const holder = await planOne("superuser@acme.test", "bright-dental", { email: "admin@bright-dental.test", delete: "Delete User" });
    expect(holder.errors).toEqual(["The account holder cannot be deleted. They must transfer ownership first."]);
  });

  it("refuses the deletes and demotions that together would remove the last active Super User", async () => {
    const account = await network("last", [
      { email: "uploader@last.test", role: "super_user" },
      { email: "b@last.test", role: "super_user" },
      { email: "c@last.test", role: "super_user" },
    ]);
    const uploader: AccessContext = await reachingAccessAs("uploader@last.test", "last");
    // Deactivated since the preview's context was resolved: the file must not count on them.
    await db().update(memberships).set({ status: "deactivated" }).where(eq(memberships.userId, await userIdOf("uploader@last.test")));
    const { rows } = await planImport(db(), uploader, [
      row({ email: "b@last.test", delete: "Delete User" }),
      row({ email: "c@last.test", role: "Manager" }),
    ]);
    expect(rows[0]!.kind).toBe("delete");
    expect(rows[1]).toMatchObject({ kind: "error", errors: [`${account.name} must keep at least one active Super User: demoting c@last.test would leave none.`] });
  });
});
