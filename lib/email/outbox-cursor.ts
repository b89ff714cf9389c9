import { z } from "zod";
import type { OutboxCursor } from "@/db/queries/emails";

// Postgres's own text for a timestamptz (ISO DateStyle), as listOutboxEmails() hands it out.
const PG_TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;
const cursorSchema = z.object({ createdAt: z.string().regex(PG_TIMESTAMP), id: z.uuid() });

export function encodeOutboxCursor(cursor: OutboxCursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

/** A cursor from the page's URL, or undefined (the first page) when it is missing or not one of ours. */
export function parseOutboxCursor(value: string | string[] | undefined): OutboxCursor | undefined {
  if (typeof value !== "string" || value.length > 300) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
