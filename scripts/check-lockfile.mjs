// CI's check that the committed package-lock.json already says what `npm install`
// installs. Run after the install: compares the lock file on disk with the one in
// git (HEAD), entry by entry. Optional packages that only one of them lists are
// left out: the registry reachable here has served other platforms' prebuilt
// binaries (Next's SWC, Tailwind's oxide) on some days and not on others, and
// npm records in the lock exactly what the registry offered that day.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const committed = JSON.parse(execFileSync("git", ["show", "HEAD:package-lock.json"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })).packages;
const installed = JSON.parse(readFileSync("package-lock.json", "utf8")).packages;

const problems = [];
for (const name of new Set([...Object.keys(committed), ...Object.keys(installed)])) {
  const before = committed[name];
  const after = installed[name];
  if (!before || !after) {
    if ((before ?? after).optional) continue;
    problems.push(`${name || "(root)"}: ${before ? "dropped by" : "added by"} npm install`);
  } else if (JSON.stringify(before) !== JSON.stringify(after)) {
    problems.push(`${name || "(root)"}: changed by npm install`);
  }
}
if (problems.length > 0) {
  console.error(`package-lock.json does not match package.json; run npm install and commit the lock file:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log("package-lock.json matches what was installed.");
