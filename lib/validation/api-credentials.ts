import { z } from "zod";

export const createCredentialSchema = z.object({
  description: z.string({ error: "Describe what it is for." }).trim().min(1, "Describe what it is for, e.g. “CRM sync”.").max(200, "Use at most 200 characters."),
});
export const credentialRefSchema = z.object({ credentialId: z.uuid({ error: "Unknown credential." }) });
export type CreateCredentialInput = z.input<typeof createCredentialSchema>;
