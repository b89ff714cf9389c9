"use server";

// Every action here is built with accountAction(), which runs authorize() for
// the account and permission before anything is parsed or written.

import { revalidatePath } from "next/cache";
import { createAccessPreset, deleteAccessPreset } from "@/db/queries/access-presets";
import { accountAction } from "@/lib/action";
import { ActionError } from "@/lib/action-error";
import { grantProblems } from "@/lib/authz/grants";
import { presetIdSchema, presetSchema } from "@/lib/validation/access";
import { auditActor, recordAudit } from "@/lib/audit/record";

export const createPreset = accountAction({
  input: presetSchema,
  permission: "account.edit_settings",
  async run({ input, access, tx }) {
    // A preset may not describe more than its author could grant.
    const problems = grantProblems(
      { userId: access.session.user.id, role: access.role, permissions: access.permissions },
      input,
      { accountType: access.account.type, accountProducts: access.account.products },
    );
    if (problems.length > 0) throw new ActionError(problems[0]!.message, Object.fromEntries(problems.map((p) => [p.field, p.message])));
    const preset = await createAccessPreset(tx, access.account.id, input);
    await recordAudit(tx, {
      action: "preset.created",
      accountId: access.account.id,
      actor: auditActor(access),
      target: { type: "preset", id: preset.id, label: preset.name },
      details: { role: input.role, licenses: input.licenses, overrides: input.overrides },
    });
    revalidatePath(`/a/${access.account.slug}/settings/presets`);
    return { id: preset.id };
  },
});

export const deletePreset = accountAction({
  input: presetIdSchema,
  permission: "account.edit_settings",
  async run({ input, access, tx }) {
    const { name } = await deleteAccessPreset(tx, access.account.id, input.presetId);
    await recordAudit(tx, { action: "preset.deleted", accountId: access.account.id, actor: auditActor(access), target: { type: "preset", id: input.presetId, label: name } });
    revalidatePath(`/a/${access.account.slug}/settings/presets`);
    return null;
  },
});
