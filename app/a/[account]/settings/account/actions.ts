"use server";

// Every action here is built with accountAction(), which runs authorize() for
// the account and permission before anything is parsed or written.

import { revalidatePath } from "next/cache";
import { accountAction } from "@/lib/action";
import { ActionError } from "@/lib/action-error";
import { closeAccount as closeChildAccount, reopenAccount as reopenChildAccount } from "@/lib/accounts/close-account";
import { transferOwnership as transferAccountOwnership } from "@/lib/accounts/transfer-ownership";
import { updateAccountInfo as saveAccountInfo } from "@/lib/accounts/update-account-info";
import { accountInfoSchema, closeAccountSchema, reopenAccountSchema, transferOwnershipSchema } from "@/lib/validation/account";
import { auditActor, recordAudit } from "@/lib/audit/record";
import type { AccessContext } from "@/lib/authz/authorize";
import { setAccountTwoFactorRequired } from "@/lib/members/member-two-factor";
import { accountTwoFactorRequirementSchema } from "@/lib/validation/two-factor";

const accountTarget = (access: AccessContext) => ({ type: "account" as const, id: access.account.id, label: access.account.name });

export const updateAccountInfo = accountAction({
  input: accountInfoSchema,
  permission: "account.edit_info",
  async run({ input, access, tx }) {
    const { before, after } = await saveAccountInfo(tx, access.account, input);
    await recordAudit(tx, {
      action: "account.info_changed",
      accountId: access.account.id,
      actor: auditActor(access),
      target: accountTarget(access),
      details: { before, after: { name: after.name, products: after.products, inviteTtlDays: after.inviteTtlDays } },
    });
    revalidatePath(`/a/${access.account.slug}`, "layout");
    return { updatedAt: after.updatedAt.toISOString() };
  },
});

export const setAccountTwoFactor = accountAction({
  input: accountTwoFactorRequirementSchema,
  permission: "account.manage_two_factor",
  async run({ input, access, tx }) {
    await setAccountTwoFactorRequired(tx, access, input.required);
    revalidatePath(`/a/${access.account.slug}/settings/account`);
    return null;
  },
});

export const transferOwnership = accountAction({
  input: transferOwnershipSchema,
  permission: "account.transfer_ownership",
  async run({ input, access, tx }) {
    await transferAccountOwnership(tx, access.account, access.session.user.id, input.newHolderUserId);
    await recordAudit(tx, {
      action: "account.ownership_transferred",
      accountId: access.account.id,
      actor: auditActor(access),
      target: accountTarget(access),
      details: { fromUserId: access.session.user.id, toUserId: input.newHolderUserId },
    });
    revalidatePath(`/a/${access.account.slug}`, "layout");
    return null;
  },
});

export const closeAccount = accountAction({
  input: closeAccountSchema,
  permission: "account.close",
  async run({ input, access, tx }) {
    await closeChildAccount(tx, access.account, input.confirmation);
    await recordAudit(tx, { action: "account.closed", accountId: access.account.id, actor: auditActor(access), target: accountTarget(access) });
    revalidatePath("/", "layout");
    return null;
  },
});

export const reopenAccount = accountAction({
  input: reopenAccountSchema,
  permission: "account.edit_settings",
  allowClosed: true,
  async run({ access, tx }) {
    // Only the network's Super Users reach a closed account at all; check it anyway.
    if (access.via !== "network" || access.role !== "super_user") {
      throw new ActionError("Only the network's Super Users can reopen this account.");
    }
    await reopenChildAccount(tx, access.account);
    await recordAudit(tx, { action: "account.reopened", accountId: access.account.id, actor: auditActor(access), target: accountTarget(access) });
    revalidatePath(`/a/${access.account.slug}`, "layout");
    return null;
  },
});
