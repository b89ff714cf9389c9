import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-url";

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query and fragment", () => {
    expect(safeCallbackPath("/a/acme/settings/users?q=kim#top")).toBe("/a/acme/settings/users?q=kim#top");
    expect(safeCallbackPath("/")).toBe("/");
  });

  it.each([
    ["protocol-relative URL", "//evil.example"],
    ["protocol-relative URL with path", "//evil.example/a/acme"],
    ["backslash trick", "/\\evil.example"],
    ["tab trick", "/\t/evil.example"],
    ["newline trick", "/\n/evil.example"],
    ["javascript URL", "javascript:alert(1)"],
    ["absolute URL", "https://evil.example/a/acme"],
    ["data URL", "data:text/html,<script>alert(1)</script>"],
    ["relative path", "a/acme"],
    ["empty string", ""],
    ["over-long value", `/${"a".repeat(3000)}`],
    ["dot segment that normalizes to a host", "/.//evil.example"],
    ["parent segment that normalizes to a host", "/a/..//evil.example"],
    ["encoded parent segment that normalizes to a host", "/%2e%2e//evil.example"],
  ])("refuses a %s", (_, value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });

  it("refuses values that are not strings", () => {
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath(["/a/acme", "//evil.example"])).toBe("/");
    expect(safeCallbackPath(42, "/home")).toBe("/home");
  });

  it("does not send a signed-in person back to the sign-in page", () => {
    expect(safeCallbackPath("/sign-in?callbackUrl=/sign-in")).toBe("/");
  });

  it("normalizes dot segments instead of letting them climb out", () => {
    expect(safeCallbackPath("/a/../../etc")).toBe("/etc");
  });
});
