export async function register() {
  // Only the Node.js server prepares the database; `next build` renders no
  // data and must not open the embedded database.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { prepareServer } = await import("./lib/startup");
  await prepareServer();
}
