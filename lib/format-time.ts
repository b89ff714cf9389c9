import { DATE_FORMATS, DEFAULT_DATE_FORMAT, type DateFormat } from "@/lib/validation/profile";

export type TimeDisplay = { timeZone?: string; dateFormat?: string | null };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const options: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  try {
    return new Intl.DateTimeFormat("en-US", { ...options, timeZone });
  } catch {
    // A zone this runtime does not know (browsers' lists differ): the viewer's own zone instead.
    return new Intl.DateTimeFormat("en-US", options);
  }
}

function partsOf(date: Date, timeZone: string | undefined) {
  const parts = formatterFor(timeZone).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute") };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A date and time written the way the viewer chose (profile preferences), in their time zone. */
export function formatDateTime(date: Date, { timeZone, dateFormat }: TimeDisplay = {}): string {
  const { year, month, day, hour, minute } = partsOf(date, timeZone);
  const pattern: DateFormat = dateFormat && Object.hasOwn(DATE_FORMATS, dateFormat) ? (dateFormat as DateFormat) : DEFAULT_DATE_FORMAT;
  const dateText = {
    "YYYY-MM-DD": `${year}-${month}-${day}`,
    "DD/MM/YYYY": `${day}/${month}/${year}`,
    "MM/DD/YYYY": `${month}/${day}/${year}`,
    "D MMM YYYY": `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`,
  }[pattern];
  return `${dateText} ${hour}:${minute}`;
}

/** "just now", "5 min ago", "3 h ago" for the last day; undefined for anything older or in the future. */
export function formatRecent(date: Date, now: number): string | undefined {
  const age = now - date.getTime();
  if (age < 0 || age >= 24 * HOUR) return undefined;
  if (age < MINUTE) return "just now";
  if (age < HOUR) return `${Math.floor(age / MINUTE)} min ago`;
  return `${Math.floor(age / HOUR)} h ago`;
}
