import { describe, expect, it, vi } from "vitest";
import { closestLabel, levenshtein, licensesLabel, parseDelete, parseLicenses, parseRole } from "@/lib/bulk/import-cells";

describe("reading the cells of a bulk upload", () => {
  it("reads a role as its label or key in any case or spacing", () => {
    for (const typed of ["Super User", "super user", "Super_User", "SUPERUSER", "super-user", " super  user "]) {
      expect(parseRole(typed)).toEqual({ ok: true, value: "super_user" });
    }
    expect(parseRole("Filtered reporting")).toEqual({ ok: true, value: "filtered_reporting" });
  });

  it("suggests the closest role within three edits, else lists them", () => {
    expect(parseRole("Manger")).toEqual({ ok: false, error: '"Manger" is not a role. Did you mean Manager?' });
    expect(parseRole("Obsever")).toEqual({ ok: false, error: '"Obsever" is not a role. Did you mean Observer?' });
    expect(parseRole("Administrator")).toMatchObject({ ok: false, error: expect.stringMatching(/Use one of Filtered Reporting, .*, Super User\.$/) });
    expect(parseRole("")).toMatchObject({ ok: false, error: expect.stringMatching(/^Enter a role/) });
  });

  it("gives a long cell the plain list, without measuring it against every label", () => {
    const long = "Manager".repeat(143).slice(0, 1_000);
    expect(parseRole(long)).toEqual({ ok: false, error: `"${long}" is not a role. Use one of Filtered Reporting, Reporting, Observer, Member, Manager, Super User.` });
    expect(parseLicenses(`Marketing, ${long}`)).toEqual({ ok: false, error: `"${long}" is not a license. Use Marketing or Contact Center.` });

    const distance = vi.fn(levenshtein);
    expect(closestLabel(long, ["Manager", "Super User"], distance)).toBeUndefined();
    // Only labels within three letters of its length are measured: "managerxxxx" is four longer than "manager".
    expect(closestLabel("Super Users!!", ["Manager", "Super User"], distance)).toBe("Super User");
    expect(closestLabel("Managerxxxx", ["Manager"], distance)).toBeUndefined();
    expect(distance.mock.calls).toEqual([["superusers", "manager"], ["superusers", "superuser"]]);
  });

  it("leaves out the suggestion when asked to", () => {
    expect(parseRole("Manger", { suggest: false })).toMatchObject({ ok: false, error: expect.stringMatching(/^"Manger" is not a role\. Use one of/) });
    expect(parseLicenses("Marketting", { suggest: false })).toEqual({ ok: false, error: '"Marketting" is not a license. Use Marketing or Contact Center.' });
  });

  it("reads licenses separated by commas, semicolons, and or &, in catalogue order", () => {
    expect(parseLicenses("contact center")).toEqual({ ok: true, value: ["contact_center"] });
    for (const typed of ["Marketing, Contact Center", "contact center; marketing", "Marketing and Contact Center", "marketing & contact_center", "Marketing,Marketing,Contact Center"]) {
      expect(parseLicenses(typed)).toEqual({ ok: true, value: ["marketing", "contact_center"] });
    }
    expect(parseLicenses("Sales")).toEqual({ ok: false, error: '"Sales" is not a license. Use Marketing or Contact Center.' });
    expect(parseLicenses("Marketing, Contact Centre")).toEqual({ ok: false, error: '"Contact Centre" is not a license. Did you mean Contact Center?' });
    expect(parseLicenses(" , ")).toMatchObject({ ok: false });
  });

  it("deletes only on Delete User, any case or spacing", () => {
    expect(parseDelete("")).toEqual({ ok: true, value: false });
    for (const typed of ["Delete User", "delete user", "DELETE USER", " Delete  User "]) expect(parseDelete(typed)).toEqual({ ok: true, value: true });
    for (const typed of ["Delete", "yes", "x", "Delete Users"]) expect(parseDelete(typed).ok).toBe(false);
  });

  it("measures edits and shows licenses as the table does", () => {
    expect(levenshtein("manger", "manager")).toBe(1);
    expect(levenshtein("", "abc")).toBe(3);
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(licensesLabel(["contact_center", "marketing"])).toBe("Marketing, Contact Center");
  });
});
