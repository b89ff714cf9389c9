import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { SET_PASSWORD_TOKEN_TTL_HOURS } from "@/db/queries/password-tokens";
import { createNetworkWithAdmin } from "@/lib/accounts/create-network-with-admin";
import { appUrl } from "@/lib/env";
import { runCli } from "./run-cli";

const USAGE = `Usage: npm run create-admin -- --email admin@example.com --account-name "Example Network" [--name "Dana Kim"] [--products marketing,contact_center]`;

runCli(async () => {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      "account-name": { type: "string" },
      name: { type: "string" },
      products: { type: "string" },
    },
  });
  if (!values.email || !values["account-name"]) throw new Error(USAGE);

  let created;
  try {
    created = await createNetworkWithAdmin({
      email: values.email,
      accountName: values["account-name"],
      name: values.name,
      products: values.products?.split(",").map((product) => product.trim()) as never,
    });
  } catch (error) {
    if (error instanceof ZodError) throw new Error(error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n"));
    throw error;
  }

  console.log(`Created network "${created.account.name}" at ${appUrl()}/a/${created.account.slug}`);
  console.log(`${created.user.email} is its Super User and account holder.`);
  if (created.setPasswordToken) {
    console.log(`\nSend them this one-time link to set a password (valid ${SET_PASSWORD_TOKEN_TTL_HOURS} hours):`);
    console.log(`  ${appUrl()}/reset-password/${created.setPasswordToken}`);
  } else {
    console.log("They already have a Rolecall password and can sign in with it.");
  }
});
