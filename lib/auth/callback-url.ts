const PLACEHOLDER_ORIGIN = "http://rolecall.invalid";
const MAX_LENGTH = 2048;

/**
 * Returns a same-site path to redirect to after sign-in, or the fallback.
 * Anything that could leave the site — `//evil.example`, `/\evil.example`,
 * `javascript:`, absolute URLs — is refused rather than repaired.
 */
export function safeCallbackPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  // Browsers drop tabs and newlines inside URLs, so "/\t/evil.example" would become "//evil.example".
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  // Sending someone back to the sign-in page after signing in is a loop.
  if (url.pathname === "/sign-in") return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Normalizing dot segments can itself produce "//host" ("/.//evil.example"):
  // check what is returned, not only what came in.
  if (path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}
