/**
 * An error's class, its database code if any, and where it was thrown, without
 * its message: a failed query's message carries its parameters (Drizzle puts
 * them on the second line), which can be emails, names, tokens or links.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const cause = error.cause as { code?: unknown } | undefined;
  const code = (error as { code?: unknown }).code ?? cause?.code;
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line)).slice(0, 5).join("\n");
  return `${error.name}${typeof code === "string" ? ` (${code})` : ""}\n${frames}`;
}

/** Runs a job's work; a failure is rethrown as its description only, since pg-boss stores what a job threw. */
export async function withoutDetails<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new Error(`Job failed: ${describeError(error)}`);
  }
}
