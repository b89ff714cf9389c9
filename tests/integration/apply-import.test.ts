import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { importRowPages } from "@/db/queries/bulk-imports";
import { seedDemoData } from "@/db/seed";
import { bulkImports, emails, invitations, memberships, notifications, users } from "@/db/schema";
import { ActionError } from "@/lib/action-error";
import { applyImportChunk, importSummary, MAX_FAILED_RUNS, recordFailedRun } from "@/lib/bulk/apply-import";
import type { ImportRow } from "@/lib/bulk/plan-import";
import { previewUpload } from "@/lib/bulk/preview-upload";
import { startImport } from "@/lib/bulk/start-import";
import { bodiesOf } from "@/lib/email/stored-bodies";
import { accountIdOf, inTransaction, membershipOf, reachingAccessAs, userIdOf } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();
beforeAll(async () => {
  await seedDemoData();
});

let nextRow = 2;
function row(cells: Partial<Omit<ImportRow, "rowNumber">>): ImportRow {
  return { rowNumber: nextRow++, email: "", role: "", name: "", license: "", delete: "", ...cells };
}

/** The upload's check, storing its rows for chunks of `chunkRows` (the app's 2,000 unless given). */
async function preview(uploader: string, slug: string, rows: ImportRow[], chunkRows?: number) {
  const actor = await reachingAccessAs(uploader, slug);
  return inTransaction((tx) => previewUpload(tx, actor, { fileName: "people.xlsx", rows }, chunkRows));
}

async function start(uploader: string, slug: string, importId: string, confirmDeletes?: string) {
  const actor = await reachingAccessAs(uploader, slug);
  await inTransaction((tx) => startImport(tx, actor, { importId, confirmDeletes }));
}

/** Runs the apply job's chunks to the end, as the worker does; returns how many chunks it took. */
async function drain(importId: string): Promise<number> {
  let chunks = 1;
  while ((await applyImportChunk(importId)) === "more") chunks += 1;
  return chunks;
}

/** Each row's email, result and error, as the result workbook reads them. */
async function resultsOf(importId: string) {
  const results: { email: string; result: string | null; error: string | null }[] = [];
  for await (const page of importRowPages(db(), importId)) results.push(...page.map(({ email, result, error }) => ({ email, result, error })));
  return results;
}

async function importRecord(importId: string) {
  const [record] = await db().select().from(bulkImports).where(eq(bulkImports.id, importId));
  return record!;
}

const invitationEmailsTo = (addresses: string[]) =>
  db().select().from(emails).where(and(eq(emails.template, "invitation"), inArray(emails.to, addresses)));

describe(`applying a bulk upload (${database.driver})`, () => {
  it("invites, changes and deletes as the preview said, records each row, and notifies the uploader", async () => {
    await db().insert(users).values({ email: "leaving@acme.test", name: "Leaving Soon" });
    await db().insert(memberships).values({ userId: await userIdOf("leaving@acme.test"), accountId: (await membershipOf("member@acme.test", "acme")).accountId, role: "member", licenses: ["marketing"] });
    const rows = [
      row({ email: "ada@new.test", role: "Observer", name: "Ada New", license: "Marketing" }),
      row({ email: "Bo@New.test ", role: "Member" }),
      row({ email: "cy@new.test", role: "Reporting", name: "Cy" }),
      row({ email: "member@acme.test", role: "Manager" }),
      row({ email: "leaving@acme.test", role: "Member", delete: "Delete User" }),
      row({ email: "not an email", role: "Member" }),
      row({ email: "observer@acme.test", role: "Observer" }),
    ];
    const { importId, plan } = await preview("superuser@acme.test", "acme", rows, 3);
    expect(plan.counts).toEqual({ create: 3, update: 1, delete: 1, unchanged: 1, error: 1 });
    // The check alone changes nothing in the account.
    expect(await invitationEmailsTo(["ada@new.test"])).toHaveLength(0);
    expect((await importRecord(importId)).status).toBe("previewed");

    await start("superuser@acme.test", "acme", importId, "1");
    expect(await drain(importId)).toBe(3);

    const results = await resultsOf(importId);
    expect(results.map((r) => r.result)).toEqual(["invited", "invited", "invited", "changed", "deleted", "error", "unchanged"]);
    expect(results[5]!.error).toBe(plan.rows[5]!.errors.join(" "));
    expect(results.filter((r) => r.result !== "error").every((r) => r.error === null)).toBe(true);
    const record = await importRecord(importId);
    expect(record).toMatchObject({ status: "finished", totalRows: 7, doneRows: 7 });
    expect((await membershipOf("member@acme.test", "acme")).role).toBe("manager");
    await expect(membershipOf("leaving@acme.test", "acme")).rejects.toThrow();
    expect(await membershipOf("ada@new.test", "acme")).toMatchObject({ status: "invited", role: "observer", licenses: ["marketing"] });
    expect(await membershipOf("bo@new.test", "acme")).toMatchObject({ status: "invited", role: "member", licenses: ["marketing", "contact_center"] });

    // One invitation email each, unrendered until read, with the link that opens their own invitation.
    const sent = await invitationEmailsTo(["ada@new.test", "bo@new.test", "cy@new.test"]);
    expect(sent.map((email) => email.to).sort()).toEqual(["ada@new.test", "bo@new.test", "cy@new.test"]);
    expect(sent.every((email) => email.html === null && email.props !== null && email.status === "outbox")).toBe(true);
    const bodies = await bodiesOf(sent);
    for (const email of sent) {
      const link = (email.props as { inviteUrl: string }).inviteUrl;
      expect(bodies.get(email.id)!.html).toContain(link);
      expect(bodies.get(email.id)!.text).toContain(link);
      const [invitation] = await db().select().from(invitations).where(eq(invitations.email, email.to));
      expect(invitation!.tokenHash).toHaveLength(64);
      expect(link).not.toContain(invitation!.tokenHash);
    }
    expect(new Set(sent.map((email) => (email.props as { inviteUrl: string }).inviteUrl)).size).toBe(3);

    const [notice] = await db().select().from(notifications).where(and(eq(notifications.kind, "import_finished"), eq(notifications.userId, await userIdOf("superuser@acme.test"))));
    expect(notice).toMatchObject({ title: "Import of 7 rows finished: 3 invited, 1 changed, 1 deleted, 1 unchanged, 1 error", link: `/a/acme/settings/users/import/${importId}` });
  });

  it("keeps each row's result in its place, and takes exactly as many chunks as the file fills", async () => {
    const rows = [
      row({ email: "filtered@acme.test", role: "Reporting" }),
      row({ email: "order1@new.test", role: "Member" }),
      row({ email: "still not an email", role: "Member" }),
      row({ email: "order2@new.test", role: "Member" }),
      row({ email: "observer@acme.test", role: "Observer" }),
      row({ email: "order3@new.test", role: "Member" }),
    ];
    const { importId } = await preview("superuser@acme.test", "acme", rows, 3);
    await start("superuser@acme.test", "acme", importId);
    // Two full chunks, and no empty third one.
    expect(await drain(importId)).toBe(2);
    expect((await resultsOf(importId)).map((r) => [r.email, r.result])).toEqual([
      ["filtered@acme.test", "changed"],
      ["order1@new.test", "invited"],
      ["still not an email", "error"],
      ["order2@new.test", "invited"],
      ["observer@acme.test", "unchanged"],
      ["order3@new.test", "invited"],
    ]);
    expect(await importRecord(importId)).toMatchObject({ status: "finished", doneRows: 6 });
  });

  it("changes nothing when the same file is uploaded and applied again", async () => {
    const cells = [{ email: "twice@new.test", role: "Member", name: "Twice" }, { email: "observer@acme.test", role: "Member" }];
    const first = await preview("superuser@acme.test", "acme", cells.map(row));
    await start("superuser@acme.test", "acme", first.importId);
    await drain(first.importId);
    // The emails to the people in the file (the uploader's "import finished" one comes either way).
    const emailCount = async () => (await db().select({ n: sql<number>`count(*)::int` }).from(emails).where(inArray(emails.to, ["twice@new.test", "observer@acme.test"])))[0]!.n;
    const before = { emails: await emailCount(), membership: await membershipOf("observer@acme.test", "acme") };

    const second = await preview("superuser@acme.test", "acme", cells.map(row));
    expect(second.plan.counts).toEqual({ create: 0, update: 0, delete: 0, unchanged: 2, error: 0 });
    await start("superuser@acme.test", "acme", second.importId);
    await drain(second.importId);
    expect((await resultsOf(second.importId)).map((r) => r.result)).toEqual(["unchanged", "unchanged"]);
    expect(await emailCount()).toBe(before.emails);
    expect(await membershipOf("observer@acme.test", "acme")).toEqual(before.membership);
  });

  it("leaves alone a member someone changed after the check, and applies the other rows", async () => {
    const { importId } = await preview("superuser@acme.test", "acme", [row({ email: "reporting@acme.test", role: "Member" }), row({ email: "later@new.test", role: "Member" })]);
    // Someone else edits the member in between: their version moves on.
    await db().update(memberships).set({ role: "observer", version: sql`${memberships.version} + 1` }).where(eq(memberships.id, (await membershipOf("reporting@acme.test", "acme")).id));
    await start("superuser@acme.test", "acme", importId);
    await drain(importId);
    const [changed, invited] = await resultsOf(importId);
    expect(changed).toMatchObject({ result: "error", error: "reporting@acme.test changed after the file was checked, so this row was left alone. Upload the file again to check it against the account as it is now." });
    expect(invited!.result).toBe("invited");
    expect((await membershipOf("reporting@acme.test", "acme")).role).toBe("observer");
  });

  it("applies a child account's row for a network member's own membership beside the row restating the network's", async () => {
    // manager@acme.test is a network Manager with a membership of their own (Member) in Summit Auto.
    const summit = await accountIdOf("summit-auto");
    await db().insert(memberships).values({ userId: await userIdOf("manager@acme.test"), accountId: summit, role: "member", licenses: ["marketing"] });
    const exported = { email: "manager@acme.test", name: "Morgan Lee", license: "Marketing, Contact Center" };
    // Listed twice with the network's values: the first row restates the network membership, the second makes their own match it.
    const { importId, plan } = await preview("superuser@acme.test", "summit-auto", [row({ ...exported, role: "Manager" }), row({ ...exported, role: "Manager" })]);
    expect(plan.rows.map((r) => r.kind)).toEqual(["unchanged", "update"]);
    await start("superuser@acme.test", "summit-auto", importId);
    await drain(importId);
    expect((await resultsOf(importId)).map((r) => r.result)).toEqual(["unchanged", "changed"]);
    expect(await membershipOf("manager@acme.test", "summit-auto")).toMatchObject({ role: "manager", licenses: ["marketing", "contact_center"] });
  });

  it("starts only for its uploader, once, and with the number of deletions typed back", async () => {
    await db().insert(users).values({ email: "doomed@acme.test", name: "Doomed" });
    await db().insert(memberships).values({ userId: await userIdOf("doomed@acme.test"), accountId: (await membershipOf("member@acme.test", "acme")).accountId, role: "reporting", licenses: ["marketing"] });
    const { importId } = await preview("superuser@acme.test", "acme", [row({ email: "doomed@acme.test", role: "Reporting", delete: "delete user" })]);

    await expect(start("admin@bright-dental.test", "bright-dental", importId, "1")).rejects.toThrow("This import does not exist in this account.");
    for (const typed of [undefined, "", "2", "one"]) {
      const refusal = await start("superuser@acme.test", "acme", importId, typed).catch((error: ActionError) => error);
      expect(refusal).toBeInstanceOf(ActionError);
      expect((refusal as ActionError).fieldErrors).toEqual({ confirmDeletes: "Type 1 to confirm that 1 user is deleted." });
    }
    expect((await importRecord(importId)).status).toBe("previewed");
    await start("superuser@acme.test", "acme", importId, " 1 ");
    await expect(start("superuser@acme.test", "acme", importId, "1")).rejects.toThrow("This file has already been applied.");
    await drain(importId);
    await expect(membershipOf("doomed@acme.test", "acme")).rejects.toThrow();
  });

  it("refuses to start a preview uploaded by someone else, or a stale one", async () => {
    await db().update(memberships).set({ overrides: { "users.bulk_manage": true } }).where(eq(memberships.userId, await userIdOf("manager@acme.test")));
    const { importId } = await preview("manager@acme.test", "acme", [row({ email: "mine@new.test", role: "Member" })]);
    await expect(start("superuser@acme.test", "acme", importId)).rejects.toThrow("Only the person who uploaded this file can apply it.");
    await db().update(bulkImports).set({ createdAt: new Date(Date.now() - 25 * 3_600_000) }).where(eq(bulkImports.id, importId));
    await expect(start("manager@acme.test", "acme", importId)).rejects.toThrow("This check is more than a day old.");
  });

  it("stops, with every remaining row marked and the uploader told, once the uploader may no longer apply it", async () => {
    const { importId } = await preview("manager@acme.test", "acme", [row({ email: "first@stop.test", role: "Member" }), row({ email: "second@stop.test", role: "Member" })], 1);
    await start("manager@acme.test", "acme", importId);
    expect(await applyImportChunk(importId)).toBe("more");
    await db().update(memberships).set({ overrides: {} }).where(eq(memberships.userId, await userIdOf("manager@acme.test")));
    expect(await applyImportChunk(importId)).toBe("done");

    expect((await resultsOf(importId)).map((r) => r.result)).toEqual(["invited", "error"]);
    expect(await importRecord(importId)).toMatchObject({ status: "failed", doneRows: 2, failure: expect.stringContaining("may no longer manage users in bulk") });
    const [notice] = await db().select().from(notifications).where(eq(notifications.kind, "import_failed"));
    expect(notice).toMatchObject({ userId: await userIdOf("manager@acme.test"), title: "Import of 2 rows stopped" });
    await expect(membershipOf("second@stop.test", "acme")).rejects.toThrow();
  });

  it("resumes after a chunk that died midway, with no invitation made or emailed twice", async () => {
    const addresses = Array.from({ length: 7 }, (_, i) => `resume${i}@new.test`);
    const { importId } = await preview("superuser@acme.test", "acme", addresses.map((email) => row({ email, role: "Member" })), 3);
    await start("superuser@acme.test", "acme", importId);
    expect(await applyImportChunk(importId)).toBe("more");
    // The next chunk dies after its invitations and emails were written, before its results were: as a crash would.
    await db().execute(sql`create function fail_once() returns trigger language plpgsql as $$ begin raise exception 'worker died'; end $$`);
    await db().execute(sql`create trigger fail_once before update of done_rows on bulk_imports for each row execute function fail_once()`);
    await expect(applyImportChunk(importId)).rejects.toThrow();
    await db().execute(sql`drop trigger fail_once on bulk_imports`);
    expect((await importRecord(importId)).doneRows).toBe(3);

    await drain(importId);
    expect((await resultsOf(importId)).map((r) => r.result)).toEqual(Array(7).fill("invited"));
    const sent = await invitationEmailsTo(addresses);
    expect(sent.map((email) => email.to).sort()).toEqual([...addresses].sort());
    const links = await db().select({ email: invitations.email }).from(invitations).where(inArray(invitations.email, addresses));
    expect(links).toHaveLength(7);
  });

  it("stops, rather than retry forever, an import whose job keeps dying", async () => {
    const { importId } = await preview("superuser@acme.test", "acme", [row({ email: "never@new.test", role: "Member" })]);
    await start("superuser@acme.test", "acme", importId);
    for (let run = 1; run < MAX_FAILED_RUNS; run += 1) await recordFailedRun(importId);
    expect((await importRecord(importId)).status).toBe("queued");
    await recordFailedRun(importId);
    expect(await importRecord(importId)).toMatchObject({ status: "failed", failedRuns: MAX_FAILED_RUNS, doneRows: 1 });
    expect((await resultsOf(importId))[0]).toMatchObject({ result: "error", error: expect.stringContaining("failed again and again") });
    expect(await applyImportChunk(importId)).toBe("done");
    await expect(membershipOf("never@new.test", "acme")).rejects.toThrow();
  });

  it("words the summary for one row and for none", () => {
    expect(importSummary(1, { invited: 0, changed: 0, deleted: 0, unchanged: 0, error: 1 })).toBe("Import of 1 row finished: 1 error");
    expect(importSummary(1_240, { invited: 1_200, changed: 30, deleted: 0, unchanged: 0, error: 10 })).toBe("Import of 1,240 rows finished: 1,200 invited, 30 changed, 10 errors");
  });
});
