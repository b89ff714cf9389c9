const UTC_DATE_TIME = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

/** "March 5, 2026 at 2:30 PM UTC": emails cannot know the reader's time zone. */
export function formatUtc(date: Date): string {
  return `${UTC_DATE_TIME.format(date)} UTC`;
}
