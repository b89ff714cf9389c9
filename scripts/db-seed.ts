import { appUrl } from "@/lib/env";
import { demoCredentialsText, seedDemoData } from "@/db/seed";
import { runCli } from "./run-cli";

runCli(async (handle) => {
  const { insertedUsers } = await seedDemoData(handle.db);
  console.log(insertedUsers ? `Demo data seeded (${insertedUsers} users created).` : "Demo data already present; nothing changed.");
  console.log(demoCredentialsText(appUrl()));
});
