import { describe, expect, it } from "vitest";
import { formatDateTime, formatRecent } from "@/lib/format-time";

const moment = new Date("2026-03-05T23:30:00Z");

describe("times as the viewer chose to see them", () => {
  it("writes the date in the chosen format and the time in the chosen zone", () => {
    expect(formatDateTime(moment, { timeZone: "UTC" })).toBe("2026-03-05 23:30");
    expect(formatDateTime(moment, { timeZone: "Europe/Berlin", dateFormat: "DD/MM/YYYY" })).toBe("06/03/2026 00:30");
    expect(formatDateTime(moment, { timeZone: "America/Denver", dateFormat: "MM/DD/YYYY" })).toBe("03/05/2026 16:30");
    expect(formatDateTime(moment, { timeZone: "Asia/Kolkata", dateFormat: "D MMM YYYY" })).toBe("6 Mar 2026 05:00");
  });

  it("falls back to the default format for a stored format no longer offered, and to the runtime's zone for an unknown one", () => {
    expect(formatDateTime(moment, { timeZone: "UTC", dateFormat: "YY.MM.DD" })).toBe("2026-03-05 23:30");
    expect(formatDateTime(moment, { timeZone: "Mars/Olympus_Mons" })).toBe(formatDateTime(moment));
  });

  it("says how long ago within the last day, and nothing for older or future times", () => {
    const now = moment.getTime();
    expect(formatRecent(new Date(now - 20_000), now)).toBe("just now");
    expect(formatRecent(new Date(now - 5 * 60_000), now)).toBe("5 min ago");
    expect(formatRecent(new Date(now - 3 * 3_600_000 - 1), now)).toBe("3 h ago");
    expect(formatRecent(new Date(now - 25 * 3_600_000), now)).toBeUndefined();
    expect(formatRecent(new Date(now + 60_000), now)).toBeUndefined();
  });
});
