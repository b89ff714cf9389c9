import { sql } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { searchTrigrams } from "@/db/queries/member-search-trigrams";
import { useTestDatabase } from "./support/test-database";

const database = useTestDatabase();

// What the token index route must find: a match anywhere but at the very
// start of the name (that one is read from the name index instead), as the
// users search defines a match (db/queries/member-paging.ts).
function matchesElsewhere(email: string, name: string, term: string): boolean {
  if (term.length >= 3) return email.includes(term) || name.slice(1).includes(term);
  return email.startsWith(term) || name.includes(` ${term}`);
}

// Few characters, so terms and texts overlap often: letters, digits, spaces,
// the punctuation of names and emails, and letters pg_trgm may count as word
// characters where this module does not.
const character = fc.constantFrom(..."aabbcemnor01 -'.@_éß");
const text = (maxLength: number) => fc.string({ unit: character, maxLength }).map((value) => value.toLowerCase());
// Terms cut from the texts themselves, so most of them match somewhere.
const searchCase = fc
  .record({ email: text(12).map((value) => value.replace(/ /g, "")), name: text(16), fromEmail: fc.boolean(), start: fc.nat(), length: fc.integer({ min: 1, max: 8 }) })
  .map(({ email, name, fromEmail, start, length }) => {
    const source = fromEmail ? email : name;
    const from = source.length === 0 ? 0 : start % source.length;
    return { email, name, term: source.slice(from, from + length).trim() };
  })
  .filter(({ term }) => term.length > 0);

describe(`search trigrams against pg_trgm (${database.driver})`, () => {
  it("finds every trigram it asks for in each text that matches the term", async () => {
    const cases = fc.sample(searchCase, { numRuns: 20_000, seed: 7 });
    const matching = cases.filter(({ email, name, term }) => matchesElsewhere(email, name, term));
    expect(matching.length).toBeGreaterThan(5_000);
    // Most of them give the lookup something to go on.
    expect(matching.filter(({ term }) => searchTrigrams(term).length > 0).length).toBeGreaterThan(2_000);

    const input = matching.map(({ email, name, term }, i) => ({ i, email, name, trigrams: searchTrigrams(term) }));
    const rows = await queryRows<{ i: number; missing: string[] }>(sql`
      select c.i, array(select t from unnest(c.trigrams) t where not t = any(show_trgm(c.email || ' ' || substr(c.name, 2)))) as missing
      from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as c(i int, email text, name text, trigrams text[])`);
    expect(rows).toHaveLength(input.length);
    const misses = rows.filter((row) => row.missing.length > 0).map((row) => ({ ...matching[row.i], missing: row.missing }));
    expect(misses.slice(0, 5)).toEqual([]);
  }, 60_000);

  it("asks for the trigrams that make a lookup selective", () => {
    expect(searchTrigrams("maria gar")).toEqual(["  g", " ga", "ari", "gar", "ia ", "mar", "ria"]);
    expect(searchTrigrams("jo")).toEqual(["  j", " jo"]);
    expect(searchTrigrams("o'brien")).toEqual(["bri", "ien", "rie"]);
    // Nothing a lookup could use: such a term is walked.
    expect(searchTrigrams("@.")).toEqual([]);
    expect(searchTrigrams("ab-")).toEqual([]);
  });
});
