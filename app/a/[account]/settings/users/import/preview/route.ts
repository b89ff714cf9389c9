import { NextResponse, type NextRequest } from "next/server";
import { db } from "@/db/client";
import { authorizeRoute } from "@/lib/authz/route-access";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { previewUpload } from "@/lib/bulk/preview-upload";
import { previewSummary, type PreviewAnswer } from "@/lib/bulk/preview-summary";
import { readUserUpload, UPLOAD_LIMITS } from "@/lib/spreadsheet/read-upload";

const refuse = (error: string, status = 400) => NextResponse.json({ error }, { status });

/**
 * The dry run of a bulk upload: reads the file within its limits and says what
 * each row would do. Nothing in the account changes; the checked rows are kept
 * as a previewed import, which the uploader may then apply. A POST from
 * another site is refused (route handlers get no origin check from Next,
 * unlike server actions).
 */
export async function POST(request: NextRequest, { params }: { params: Promise<{ account: string }> }) {
  const { access, denied } = await authorizeRoute((await params).account, "users.bulk_manage");
  if (denied) return denied;
  if (!isSameOriginRequest(request)) return refuse("This upload came from another site.", 403);
  // Checked before the body is read: a declared size over the limit is refused at once.
  if (Number(request.headers.get("content-length") ?? 0) > UPLOAD_LIMITS.maxBytes + 64 * 1024) {
    return refuse("The file is larger than 10 MB. Split it into smaller files.", 413);
  }
  const form = await request.formData().catch(() => undefined);
  const file = form?.get("file");
  if (!(file instanceof File) || file.size === 0) return refuse("Choose a spreadsheet file to upload.");
  const read = await readUserUpload({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  if (!read.ok) return refuse(read.error, 422);
  const { importId, plan } = await db().transaction((tx) => previewUpload(tx, access, { fileName: file.name, rows: read.rows }));
  const answer: PreviewAnswer = { importId, ...previewSummary(plan, read.ignoredHeaders) };
  return NextResponse.json(answer, { headers: { "cache-control": "private, no-store" } });
}
