import { z } from "zod";
import { AUDIT_ACTION_KEYS, type AuditAction } from "@/lib/audit/actions";
import { readParameters } from "./query-parameters";

// A real day: 2026-02-30 parses in JavaScript (as 2 March), so the date must read back as written.
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const parsed = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === value;
  }, "not a date");

// The audit page's filters and keyset cursor, each read on its own.
const parameters = {
  actor: z.string().trim().max(200),
  target: z.string().trim().max(200),
  action: z.enum(AUDIT_ACTION_KEYS as [AuditAction, ...AuditAction[]]),
  from: day,
  to: day,
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
};

export type AuditQuery = { actor?: string; target?: string; action?: AuditAction; from?: string; to?: string; before?: number };

export function parseAuditQuery(params: Record<string, string | string[] | undefined>): { query: AuditQuery; ignored: string[] } {
  const { values, ignored } = readParameters(parameters, params);
  const query: AuditQuery = { ...values };
  if (query.actor === "") delete query.actor;
  if (query.target === "") delete query.target;
  // A range that ends before it starts is one mistake: the end is dropped.
  if (query.from && query.to && query.to < query.from) {
    delete query.to;
    ignored.push("to");
  }
  return { query, ignored };
}
