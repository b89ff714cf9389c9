import { databaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { demoCredentialsText, isDatabaseEmpty, seedDemoData } from "@/db/seed";
import { prepareDecoyHash } from "./auth/password";
import { assertMailConfigured, emailModeOf } from "./email/config";
import { appUrl, authSecret, env, pgliteDataDir, usesEmbeddedDatabase } from "./env";

/**
 * Runs once when a server process starts: validates the configuration, applies
 * migrations and, on the embedded database only, seeds the demo network into
 * an empty database so a newcomer can sign in straight away.
 */
export async function prepareServer(): Promise<void> {
  authSecret(); // fails fast when production lacks AUTH_SECRET; generates it for the embedded default
  assertMailConfigured();
  const handle = databaseHandle();
  await Promise.all([migrateDatabase(handle), prepareDecoyHash()]);
  // Bulk imports always run as jobs; email delivery joins them with a mail provider.
  const { startJobQueue } = await import("./jobs/start-jobs");
  await startJobQueue(handle);

  if (!usesEmbeddedDatabase()) {
    console.log(`Rolecall is ready at ${appUrl()} (Postgres).`);
    return;
  }
  const seeded = (await isDatabaseEmpty(handle.db)) ? await seedDemoData(handle.db) : undefined;
  console.log(
    [
      "",
      `  Rolecall is ready at ${appUrl()}`,
      `  Embedded database: ${pgliteDataDir()}${seeded ? " (demo data created)" : ""}`,
      demoCredentialsText(appUrl()),
      ...(emailModeOf(env()) === "outbox" ? [`  Mail is not sent; read it at ${appUrl()}/dev/mail`] : []),
      "",
    ].join("\n"),
  );
}
