import { describe, expect, it } from "vitest";
import { encodeMemberCursor, parseMembersQuery } from "@/lib/validation/members-query";

describe("users table URL parameters", () => {
  it("read a shared view", () => {
    const cursor = { value: "dana kim", membershipId: "6335d344-a884-46b2-a3a1-6eab8de73dce" };
    expect(parseMembersQuery({ q: " kim ", role: "manager", license: "marketing", status: "active", sort: "email", after: encodeMemberCursor(cursor) })).toEqual({
      query: { q: "kim", role: "manager", license: "marketing", status: "active", sort: "email", after: cursor },
      ignored: [],
    });
  });

  it("drop each bad value on its own and say which", () => {
    const { query, ignored } = parseMembersQuery({ q: "x".repeat(101), role: "admin", sort: "password", after: "not-a-cursor", status: "active" });
    expect(query).toEqual({ sort: "name", status: "active" });
    expect(ignored.sort()).toEqual(["after", "q", "role", "sort"]);
  });

  it("read every status the filter offers, and drop others", () => {
    for (const status of ["active", "invited", "expired", "deactivated"] as const) {
      expect(parseMembersQuery({ status }).query).toEqual({ sort: "name", status });
    }
    expect(parseMembersQuery({ status: "pending" })).toEqual({ query: { sort: "name" }, ignored: ["status"] });
  });

  it("take the first of repeated parameters and ignore empty ones", () => {
    expect(parseMembersQuery({ role: ["observer", "super_user"], q: "" }).query).toEqual({ sort: "name", role: "observer" });
  });

  it("refuse cursors that decode to the wrong shape", () => {
    const forged = Buffer.from(JSON.stringify({ value: "x", membershipId: "1; drop table users" })).toString("base64url");
    expect(parseMembersQuery({ after: forged }).ignored).toEqual(["after"]);
  });
});
