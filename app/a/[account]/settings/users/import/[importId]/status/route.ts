import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/db/client";
import { importProgress } from "@/lib/bulk/import-progress";
import { authorizeRoute } from "@/lib/authz/route-access";
import { importOrNotFound } from "@/lib/bulk/import-route";

/** An import's progress, polled by its page while the job runs. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ account: string; importId: string }> }) {
  const { account, importId } = await params;
  const { access, denied } = await authorizeRoute(account, "users.bulk_manage");
  if (denied) return denied;
  const found = await importOrNotFound(access, importId);
  if (found.notFound) return found.notFound;
  const progress = await importProgress(db(), access.account.id, found.record.id);
  return NextResponse.json(progress, { headers: { "cache-control": "private, no-store" } });
}
