// The job worker in a process of its own, for the crash test: it applies the
// imports underway on DATABASE_URL until the test kills it.
import { openPostgres, useDatabase } from "@/db/client";
import { startJobQueue } from "@/lib/jobs/start-jobs";

async function main() {
  const url = process.env.DATABASE_URL!;
  const handle = openPostgres(url);
  useDatabase(handle);
  await startJobQueue(handle, { postgresUrl: url, maintenanceIntervalSeconds: 1, imports: { expireInSeconds: 3 } });
  process.stdout.write("worker ready\n");
  setInterval(() => undefined, 60_000);
}

void main();
