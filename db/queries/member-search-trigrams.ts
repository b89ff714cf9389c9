/**
 * The users search's token index (migration 0011) holds, for each membership,
 * pg_trgm's trigrams (`show_trgm`) of its email and of its name without the
 * name's first character, each hashed with the account id: a lookup reads
 * only that account's postings, however many other accounts share the
 * trigram. A match at the very start of the name is found apart, as a range
 * of the name index; every other match leaves these trigrams in the index.
 *
 * This module works out, from the search term alone, trigrams that every such
 * other match must have. pg_trgm splits text into words at every character
 * that is not a letter or digit, pads each word with two spaces in front and
 * one behind, and lists its 3-character windows. So:
 * - three letters or digits in a row in the term are a window of one word;
 * - a part of the term after a space starts a word: its first one or two
 *   characters give the front-padded windows;
 * - a part before a space ends a word: its last two give the back-padded one.
 * Only ASCII letters and digits are used, which pg_trgm counts as word
 * characters in every locale; anything else only leaves trigrams out, and
 * leaving one out can only let in more candidates, which the search's own
 * condition then drops. A term that yields no trigram cannot use the index.
 */
const WORD_CHARACTER = /[a-z0-9]/;
const WORD_RUNS = /[a-z0-9]+/g;

function windowsOf(text: string): string[] {
  const windows: string[] = [];
  for (let start = 0; start + 3 <= text.length; start += 1) windows.push(text.slice(start, start + 3));
  return windows;
}

const leadingRun = (part: string) => /^[a-z0-9]*/.exec(part)![0];
const trailingRun = (part: string) => /[a-z0-9]*$/.exec(part)![0];

/**
 * `term` lower-cased as the search compares it. A 1–2 character term matches
 * the start of the email or of a word of the name, so it starts a word.
 */
export function searchTrigrams(term: string): string[] {
  const trigrams = new Set<string>();
  const parts = term.split(" ");
  const startsWord = (index: number) => index > 0 || term.length < 3;
  parts.forEach((part, index) => {
    for (const run of part.match(WORD_RUNS) ?? []) for (const window of windowsOf(run)) trigrams.add(window);
    const first = leadingRun(part);
    if (startsWord(index) && first.length > 0) {
      trigrams.add(`  ${first[0]}`);
      if (first.length >= 2) trigrams.add(` ${first.slice(0, 2)}`);
    }
    const last = trailingRun(part);
    if (index < parts.length - 1 && last.length >= 2) trigrams.add(`${last.slice(-2)} `);
  });
  return [...trigrams].filter((trigram) => WORD_CHARACTER.test(trigram)).sort();
}
