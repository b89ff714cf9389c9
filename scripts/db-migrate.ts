import { runCli } from "./run-cli";

runCli(async (handle) => {
  console.log(`Migrations applied (${handle.driver}).`);
});
