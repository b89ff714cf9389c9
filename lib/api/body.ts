import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/action-error";
import { apiError } from "./errors";

const MAX_BODY_BYTES = 64 * 1024;

/** A JSON body checked with the same zod schema as the UI's form, or the 400 to answer (with each field's message). */
export async function readJson<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<{ body: z.output<Schema>; invalid?: undefined } | { body?: undefined; invalid: Response }> {
  if (!(request.headers.get("content-type") ?? "").includes("application/json")) return { invalid: apiError(415, "invalid_request", "Send the body as application/json.") };
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return { invalid: apiError(413, "invalid_request", "The body is larger than 64 KB.") };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { invalid: apiError(400, "invalid_request", "The body is not valid JSON.") };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { invalid: apiError(400, "invalid_request", "Some fields are not valid.", fieldErrorsOf(parsed.error)) };
  return { body: parsed.data };
}
