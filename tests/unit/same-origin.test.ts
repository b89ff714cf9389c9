import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "@/lib/http/same-origin";

const post = (headers: Record<string, string>) => new Request("http://127.0.0.1:3000/a/acme/settings/users/import/preview", { method: "POST", headers });

describe("same-origin check for route handlers", () => {
  it("accepts the host the browser addressed, whatever interface the server is bound to", () => {
    expect(isSameOriginRequest(post({ origin: "http://localhost:3000", host: "localhost:3000" }), undefined)).toBe(true);
    expect(isSameOriginRequest(post({ origin: "https://app.example.com", host: "10.0.0.5:3000", "x-forwarded-host": "app.example.com" }), undefined)).toBe(true);
    expect(isSameOriginRequest(post({ origin: "https://app.example.com", host: "10.0.0.5:3000" }), "https://app.example.com")).toBe(true);
  });

  it("refuses another site, a missing Origin and a malformed one", () => {
    expect(isSameOriginRequest(post({ origin: "https://evil.example", host: "localhost:3000" }), undefined)).toBe(false);
    expect(isSameOriginRequest(post({ host: "localhost:3000" }), undefined)).toBe(false);
    expect(isSameOriginRequest(post({ origin: "null", host: "localhost:3000" }), undefined)).toBe(false);
  });
});
