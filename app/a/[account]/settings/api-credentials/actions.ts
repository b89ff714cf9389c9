"use server";

// Every action here is built with accountAction(), which runs authorize() for
// the account and permission before anything is parsed or written.

import { revalidatePath } from "next/cache";
import { accountAction } from "@/lib/action";
import { createApiCredential, revokeApiCredential } from "@/lib/api/credentials";
import { createCredentialSchema, credentialRefSchema } from "@/lib/validation/api-credentials";

export const createCredential = accountAction({
  input: createCredentialSchema,
  permission: "account.manage_api_credentials",
  async run({ input, access, tx }) {
    const created = await createApiCredential(tx, access, input.description);
    revalidatePath(`/a/${access.account.slug}/settings/api-credentials`);
    return created;
  },
});

export const revokeCredential = accountAction({
  input: credentialRefSchema,
  permission: "account.manage_api_credentials",
  async run({ input, access, tx }) {
    await revokeApiCredential(tx, access, input.credentialId);
    revalidatePath(`/a/${access.account.slug}/settings/api-credentials`);
    return null;
  },
});
