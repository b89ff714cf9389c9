import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/db/client";
import { authorizeRoute } from "@/lib/authz/route-access";
import { importProgress } from "@/lib/bulk/import-progress";
import { isUuid } from "@/lib/validation/ids";

/** An import's progress, polled by its page while the job runs. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ account: string; importId: string }> }) {
  const { account, importId } = await params;
  const { access, denied } = await authorizeRoute(account, "users.bulk_manage");
  if (denied) return denied;
  const progress = isUuid(importId) ? await importProgress(db(), access.account.id, importId) : undefined;
  if (!progress) return NextResponse.json({ error: "Not found." }, { status: 404 });
  return NextResponse.json(progress, { headers: { "cache-control": "private, no-store" } });
}
