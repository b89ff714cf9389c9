import { z } from "zod";

// Applying a checked upload: which one, and, when it deletes people, their number typed back.
export const applyImportSchema = z.object({
  importId: z.uuid({ error: "Unknown import. Upload the file again." }),
  confirmDeletes: z.string().trim().max(20, { error: "Type the number of users to delete." }).optional(),
});
export type ApplyImportInput = z.input<typeof applyImportSchema>;

export function deleteConfirmationMessage(count: number): string {
  return `Type ${count} to confirm that ${count === 1 ? "1 user is" : `${count} users are`} deleted.`;
}
