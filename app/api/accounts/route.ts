import { NextResponse, type NextRequest } from "next/server";
import { listReachableAccounts, SWITCHER_QUERY_MAX_LENGTH } from "@/db/queries/accounts";
import { getSession } from "@/lib/auth/session";

// The account switcher's search: only accounts the caller reaches, at most a
// page per group, so it stays fast for networks with thousands of accounts.
// Scoped to the caller, not to one account, so the session is the check.
export async function GET(request: NextRequest) {
  const session = await getSession();
  if (!session) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  const search = request.nextUrl.searchParams.get("q") ?? "";
  if (search.length > SWITCHER_QUERY_MAX_LENGTH) {
    return NextResponse.json(
      { error: `Search for at most ${SWITCHER_QUERY_MAX_LENGTH} characters.` },
      { status: 400 },
    );
  }
  const groups = await listReachableAccounts(session.user.id, { search });
  return NextResponse.json({ groups }, { headers: { "Cache-Control": "private, no-store" } });
}
