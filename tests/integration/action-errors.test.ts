import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/db/client";
import { accounts } from "@/db/schema";
import { ActionError, parseAndRun } from "@/lib/action";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();
const schema = z.object({ name: z.string().min(1, "Enter a name.") });

describe(`what an action answers when its work fails (${database.driver})`, () => {
  afterEach(() => vi.restoreAllMocks());

  it("shows an ActionError's message and field errors, and a bad input field by field", async () => {
    expect(await parseAndRun(schema, { name: "" }, async () => null)).toEqual({
      ok: false,
      error: "Some fields need your attention.",
      fieldErrors: { name: "Enter a name." },
    });
    const refused = await parseAndRun(schema, { name: "x" }, async () => {
      throw new ActionError("Not like that.", { name: "Pick another." });
    });
    expect(refused).toEqual({ ok: false, error: "Not like that.", fieldErrors: { name: "Pick another." } });
  });

  it("answers an unexpected failure plainly and logs it without its message, which may hold secrets", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const afterCommit = vi.fn(async () => undefined);
    const result = await parseAndRun(
      schema,
      { name: "x" },
      async () => {
        // Shaped like Drizzle's DrizzleQueryError: the parameters on the message's second line.
        throw new Error('Failed query: insert into "emails" ("to", "html") values ($1, $2)\nparams: dana@example.com,<a href="https://app.test/invite/SECRET-TOKEN">');
      },
      afterCommit,
    );
    expect(result).toEqual({ ok: false, error: "Something went wrong on our side, and nothing was saved. Try again in a moment." });
    expect(afterCommit).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledOnce();
    expect(JSON.stringify(log.mock.calls)).not.toContain("SECRET-TOKEN");
    expect(JSON.stringify(log.mock.calls)).not.toContain("dana@example.com");
  });

  it("rolls back what the failed work wrote", async () => {
    await parseAndRun(schema, { name: "x" }, async (_input, tx) => {
      await tx.insert(accounts).values({ name: "Doomed", slug: "doomed", type: "network", products: ["marketing"] });
      throw new ActionError("Changed my mind.");
    });
    expect(await db().select().from(accounts)).toEqual([]);
  });
});
