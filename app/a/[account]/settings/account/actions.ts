"use server";

import { revalidatePath } from "next/cache";
import { accountAction } from "@/lib/action";
import { transferOwnership as transferAccountOwnership } from "@/lib/accounts/transfer-ownership";
import { updateAccountInfo as saveAccountInfo } from "@/lib/accounts/update-account-info";
import { accountInfoSchema, transferOwnershipSchema } from "@/lib/validation/account";

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
