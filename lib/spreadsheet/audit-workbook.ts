import type { AuditEvent } from "@/db/schema";
import { actionLabel, describeDetails } from "@/lib/audit/describe";
import { fileStamp } from "./users-workbook";
import { writeWorkbook, type CellValue } from "./xlsx-writer";

const COLUMNS = ["When (UTC)", "Who", "Event", "Event key", "Target", "Account", "Details", "IP address", "Browser", "Entry"] as const;

/** The log's events as typed rows, written as the pages arrive (newest first, as the page lists them). */
export function auditWorkbook(pages: AsyncIterable<AuditEvent[]>, accountNames: Map<string, string>): Promise<Buffer> {
  async function* rows(): AsyncGenerator<CellValue[]> {
    yield [...COLUMNS];
    for await (const page of pages) {
      for (const event of page) {
        yield [
          event.occurredAt,
          event.actorEmail ?? "",
          actionLabel(event.action),
          event.action,
          event.targetLabel ?? "",
          event.accountId ? (accountNames.get(event.accountId) ?? "") : "",
          describeDetails(event),
          event.ip ?? "",
          event.userAgent ?? "",
          event.id,
        ];
      }
    }
  }
  return writeWorkbook([{ name: "Audit log", rows: rows(), columnWidths: [18, 32, 28, 24, 32, 24, 60, 16, 40, 10] }]);
}

/** audit_log_20261123-154500.xlsx, in UTC. */
export function auditExportFileName(at: Date): string {
  return `audit_log_${fileStamp(at)}.xlsx`;
}
