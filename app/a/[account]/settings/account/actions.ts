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

export const updateAccountInfo = accountAction({
  input: accountInfoSchema,
  permission: "account.edit_info",
  async run({ input, access, tx }) {
    const updated = await saveAccountInfo(tx, access.account, input);
    revalidatePath(`/a/${access.account.slug}`, "layout");
    return { updatedAt: updated.updatedAt.toISOString() };
  },
});

export const transferOwnership = accountAction({
  input: transferOwnershipSchema,
  permission: "account.transfer_ownership",
  async run({ input, access, tx }) {
    await transferAccountOwnership(tx, access.account, access.session.user.id, input.newHolderUserId);
    revalidatePath(`/a/${access.account.slug}`, "layout");
    return null;
  },
});

export const closeAccount = accountAction({
  input: closeAccountSchema,
  permission: "account.close",
  async run({ input, access, tx }) {
    await closeChildAccount(tx, access.account, input.confirmation);
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
    revalidatePath(`/a/${access.account.slug}`, "layout");
    return null;
  },
});
