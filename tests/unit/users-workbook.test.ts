import { describe, expect, it } from "vitest";
import { read, utils } from "xlsx";
import type { MemberRow } from "@/db/queries/members";
import { exportFileName, exportWorkbook, templateWorkbook, TEMPLATE_COLUMNS } from "@/lib/spreadsheet/users-workbook";

const member = (overrides: Partial<MemberRow>): MemberRow => ({
  membershipId: "m",
  accountId: "a",
  userId: "u",
  email: "dana@example.com",
  name: "Dana Kim",
  role: "manager",
  licenses: ["contact_center", "marketing"],
  status: "active",
  version: 1,
  lastSignInAt: new Date("2026-11-20T09:30:00Z"),
  twoFactorEnabled: true,
  inviteExpiresAt: null,
  viaAccountName: null,
  ...overrides,
});

describe("the import template", () => {
  it("has the Users columns and a Help sheet naming every role and license as the catalogue does", async () => {
    const book = read(await templateWorkbook());
    expect(book.SheetNames).toEqual(["Users", "Help"]);
    expect(utils.sheet_to_json(book.Sheets.Users!, { header: 1 })).toEqual([[...TEMPLATE_COLUMNS]]);
    const help = utils.sheet_to_json<string[]>(book.Sheets.Help!, { header: 1 }).map((row) => row[0]);
    expect(help).toEqual(expect.arrayContaining(["Filtered Reporting", "Reporting", "Observer", "Member", "Manager", "Super User", "Marketing", "Contact Center"]));
  });
});

describe("the users export", () => {
  it("writes typed cells: text, a real date, never a formula", async () => {
    const now = Date.parse("2026-11-23T12:00:00Z");
    const book = read(
      await exportWorkbook(
        [[
          member({}),
          member({ email: "x@example.com", name: '=HYPERLINK("http://evil.test","click")', status: "invited", inviteExpiresAt: new Date(now + 1000), lastSignInAt: null, twoFactorEnabled: false, licenses: ["marketing"] }),
          member({ email: "late@example.com", status: "invited", inviteExpiresAt: new Date(now - 1000) }),
        ]],
        now,
      ),
      { cellDates: true },
    );
    const sheet = book.Sheets.Users!;
    expect(utils.sheet_to_json(sheet, { header: 1, raw: false }).slice(0, 1)).toEqual([["Email", "Name", "Role", "License", "Status", "Last sign-in", "2FA"]]);
    expect([sheet.A2!.v, sheet.C2!.v, sheet.D2!.v, sheet.E2!.v, sheet.G2!.v]).toEqual(["dana@example.com", "Manager", "Marketing, Contact Center", "Active", "On"]);
    expect(sheet.F2!.t).toBe("d");
    expect((sheet.F2!.v as Date).toISOString()).toBe("2026-11-20T09:30:00.000Z");
    expect(sheet.B3).toMatchObject({ t: "s", v: '=HYPERLINK("http://evil.test","click")' });
    expect(sheet.B3!.f).toBeUndefined();
    expect([sheet.E3!.v, sheet.E4!.v]).toEqual(["Invited", "Expired"]);
    expect(Object.values(sheet).some((cell) => typeof cell === "object" && cell !== null && "f" in cell)).toBe(false);
  });

  it("is named after the moment of export", () => {
    expect(exportFileName(new Date("2026-11-23T15:45:07.123Z"))).toBe("users_export_20261123-154507.xlsx");
  });
});
