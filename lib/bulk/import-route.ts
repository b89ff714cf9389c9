import { NextResponse } from "next/server";
import { db } from "@/db/client";
import { findImport } from "@/db/queries/bulk-imports";
import type { BulkImport } from "@/db/schema";
import type { AccessContext } from "@/lib/authz/authorize";
import { isUuid } from "@/lib/validation/ids";

/** For an import's route handlers, once authorized: the import if it is this account's, else the 404 to send. */
export async function importOrNotFound(access: AccessContext, importId: string): Promise<{ record: BulkImport; notFound?: undefined } | { notFound: NextResponse }> {
  const record = isUuid(importId) ? await findImport(db(), access.account.id, importId) : undefined;
  return record ? { record } : { notFound: NextResponse.json({ error: "Not found." }, { status: 404 }) };
}
