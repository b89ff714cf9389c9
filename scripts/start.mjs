// `npm start`: builds the app when there is no build or the sources changed
// since the last one, then serves it. Migrations and, on the embedded
// database, the demo seed run inside the server at start-up (instrumentation.ts).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { HEAP_FLAGS } from "./server-heap.mjs";

const root = path.resolve(import.meta.dirname, "..");
// Written with the time the last successful build started: sources edited
// while it ran are newer than it, so they trigger the next build.
const buildMarker = path.join(root, ".next", "rolecall-build-started");
const SOURCES = ["app", "lib", "db", "emails", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

function newestChange(entry) {
  if (!existsSync(entry)) return 0;
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, child)));
  return newest;
}

function buildIsStale() {
  if (!existsSync(buildMarker) || !existsSync(path.join(root, ".next", "BUILD_ID"))) return true;
  const builtAt = statSync(buildMarker).mtimeMs;
  return SOURCES.some((source) => newestChange(path.join(root, source)) > builtAt);
}

if (buildIsStale()) {
  console.log("Building Rolecall (first start or sources changed)…");
  const startedAt = new Date();
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(buildMarker, "");
  utimesSync(buildMarker, startedAt, startedAt);
}

const port = process.env.PORT ?? "3000";
// The embedded demo keeps mail in the dev outbox, which shows every one-time
// link to anyone who can open it, so it listens on this machine only. A server
// meant for others says so with APP_URL (and then needs a mail provider or
// EMAIL_OUTBOX=on, see lib/email/config.ts) or runs on DATABASE_URL.
const demoOnly = !process.env.DATABASE_URL && !process.env.APP_URL && !process.env.RESEND_API_KEY;
const server = spawn(process.execPath, [...HEAP_FLAGS, nextBin, "start", "--port", port, ...(demoOnly ? ["--hostname", "127.0.0.1"] : [])], {
  cwd: root,
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
