import { NextResponse, type NextRequest } from "next/server";
import { listNotifications, NOTIFICATIONS_PAGE_SIZE } from "@/db/queries/notifications";
import { getSession } from "@/lib/auth/session";
import { isUuid } from "@/lib/validation/ids";
import { bellItem } from "@/lib/notifications/bell-items";

// The bell's older notifications, a page at a time after `before` (the last
// one shown). Scoped to the caller's own person, not to an account, so the
// session is the check, and a cursor that is not theirs matches nothing.
export async function GET(request: NextRequest) {
  const session = await getSession();
  if (!session) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  const before = request.nextUrl.searchParams.get("before");
  if (before !== null && !isUuid(before)) return NextResponse.json({ error: "Unknown notification." }, { status: 400 });
  const rows = await listNotifications(session.user.id, { before: before ?? undefined, limit: NOTIFICATIONS_PAGE_SIZE + 1 });
  return NextResponse.json(
    { items: rows.slice(0, NOTIFICATIONS_PAGE_SIZE).map(bellItem), more: rows.length > NOTIFICATIONS_PAGE_SIZE },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
