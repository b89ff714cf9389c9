// Stops at whitespace and at characters that close a URL in prose.
const URL_PATTERN = /https?:\/\/[^\s<>"')\]]+/g;

/** The web links in an email's plain text, in order, each once (the dev outbox shows them as real links). */
export function linksIn(text: string): string[] {
  const links = (text.match(URL_PATTERN) ?? []).map((url) => url.replace(/[.,;:!?]+$/, ""));
  return [...new Set(links)];
}
