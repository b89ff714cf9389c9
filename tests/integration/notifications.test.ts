import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { countUnread, listNotifications, markAllRead, markRead, notify, type NewNotification } from "@/db/queries/notifications";
import { notifications } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";
import { inviteMember } from "@/lib/invitations/invite-member";
import { announceAccessChange } from "@/lib/members/announce-access-change";
import { changeMemberAccess } from "@/lib/members/change-member-access";
import { inviteSchema } from "@/lib/validation/invite";
import { accountIdOf, inTransaction, membershipOf, reachingAccessAs, userIdOf } from "./support/fixtures";
import { useTestDatabase } from "./support/test-database";

// Acceptance is counted per caller address (lib/auth/rate-limit.ts).
const TEST_IP = "203.0.113.7";

const database = useTestDatabase();
let acmeId: string;
beforeAll(async () => {
  await seedDemoData();
  acmeId = await accountIdOf("acme");
});

async function clearNotifications(...userIds: string[]) {
  for (const userId of userIds) await db().delete(notifications).where(eq(notifications.userId, userId));
}

// Built before a transaction opens: PGlite has one connection, so a query outside the transaction would wait on it.
function note(userId: string, title: string): NewNotification {
  return { userId, accountId: acmeId, kind: "import_finished", title, body: `${title} body`, link: "/a/acme" };
}

describe(`notifications queries (${database.driver})`, () => {
  it("keep each person to their own: B cannot list, count or mark A's", async () => {
    const a = await userIdOf("observer@acme.test");
    const b = await userIdOf("reporting@acme.test");
    await clearNotifications(a, b);
    await inTransaction((tx) => notify(tx, [note(a, "For A"), note(a, "Also for A")]));

    expect(await countUnread(a)).toBe(2);
    expect(await countUnread(b)).toBe(0);
    expect(await listNotifications(b)).toEqual([]);
    const [first] = await listNotifications(a);
    expect(await inTransaction((tx) => markRead(tx, b, first!.id))).toBe(false);
    expect(await inTransaction((tx) => markAllRead(tx, b))).toBe(0);
    expect(await countUnread(a)).toBe(2);
    // A cursor from someone else's list matches nothing.
    expect(await listNotifications(b, { before: first!.id })).toEqual([]);

    expect(await inTransaction((tx) => markRead(tx, a, first!.id))).toBe(true);
    expect(await inTransaction((tx) => markRead(tx, a, first!.id))).toBe(false);
    expect(await countUnread(a)).toBe(1);
    expect(await inTransaction((tx) => markAllRead(tx, a))).toBe(1);
    expect(await countUnread(a)).toBe(0);
    expect((await listNotifications(a)).every((n) => n.readAt !== null)).toBe(true);
  });

  it("list newest first and page by (created_at, id) without skipping or repeating", async () => {
    const a = await userIdOf("manager@acme.test");
    await clearNotifications(a);
    // Five in one transaction share created_at (now()), so id breaks the tie; three later ones are newer.
    await inTransaction((tx) => notify(tx, [1, 2, 3, 4, 5].map((i) => note(a, `same ${i}`))));
    for (const i of [6, 7, 8]) {
      await inTransaction((tx) => notify(tx, [note(a, `later ${i}`)]));
      // PGlite's clock ticks in milliseconds: spread them out so "later" means later.
      await db()
        .update(notifications)
        .set({ createdAt: sql`now() + ${i} * interval '1 second'` })
        .where(and(eq(notifications.userId, a), eq(notifications.title, `later ${i}`)));
    }
    const all = await listNotifications(a, { limit: 100 });
    expect(all).toHaveLength(8);
    expect(all.slice(0, 3).map((n) => n.title)).toEqual(["later 8", "later 7", "later 6"]);
    for (let i = 1; i < all.length; i++) {
      const [newer, older] = [all[i - 1]!, all[i]!];
      expect(newer.createdAt.getTime() > older.createdAt.getTime() || (newer.createdAt.getTime() === older.createdAt.getTime() && newer.id > older.id)).toBe(true);
    }

    const paged = [];
    let before: string | undefined;
    for (;;) {
      const page = await listNotifications(a, { limit: 3, before });
      if (page.length === 0) break;
      paged.push(...page);
      before = page.at(-1)!.id;
    }
    expect(paged.map((n) => n.id)).toEqual(all.map((n) => n.id));
  });
});

describe(`what notifies whom (${database.driver})`, () => {
  it("tells the inviter when their invitation is accepted", async () => {
    const inviter = await userIdOf("superuser@acme.test");
    await clearNotifications(inviter);
    const actor = await reachingAccessAs("superuser@acme.test", "acme");
    const issued = await inTransaction((tx) =>
      inviteMember(tx, actor, inviteSchema.parse({ email: "notify.me@example.com", name: "Notify Me", role: "observer", licenses: ["marketing"], overrides: {} })),
    );
    const token = issued.inviteUrl.split("/invite/")[1]!;
    expect(await countUnread(inviter)).toBe(0);
    expect(await acceptInvitation(token, { kind: "new-person", name: "Notify Me", password: "violet staircase umbrella" }, TEST_IP)).toMatchObject({ ok: true });

    expect(await countUnread(inviter)).toBe(1);
    const [notification] = await listNotifications(inviter);
    expect(notification).toMatchObject({ kind: "invite_accepted", title: "notify.me@example.com accepted your invitation", link: "/a/acme/settings/users", readAt: null });
    expect(await listNotifications(await userIdOf("notify.me@example.com"))).toEqual([]);
  });

  it("tells an active member their access changed, with the change lines", async () => {
    const memberId = await userIdOf("member@acme.test");
    const adminId = await userIdOf("superuser@acme.test");
    await clearNotifications(memberId, adminId);
    const actor = await reachingAccessAs("superuser@acme.test", "acme");
    const membership = await membershipOf("member@acme.test", "acme");
    await inTransaction(async (tx) => {
      const { before, after } = await changeMemberAccess(tx, actor, {
        membershipId: membership.id,
        expectedVersion: membership.version,
        role: "observer",
        licenses: membership.licenses,
        overrides: {},
      });
      return announceAccessChange(tx, actor, before, after);
    });

    const [notification] = await listNotifications(memberId);
    expect(notification).toMatchObject({ kind: "access_changed", title: "Your access to Acme Network changed", link: "/a/acme", readAt: null });
    expect(notification!.body).toContain("Observer");
    expect(await countUnread(memberId)).toBe(1);
    expect(await countUnread(adminId)).toBe(0);
  });
});
