"use client";

import { useSyncExternalStore } from "react";
import { formatDateTime, formatRecent } from "@/lib/format-time";
import { useTimeDisplay } from "./time-display";

const subscribe = () => () => {};

/**
 * A time as the viewer chose to see it: in their time zone preference (else
 * the browser's) and date format, relative when within the last day, with the
 * exact time in the tooltip. Without a stored zone the server writes UTC until
 * the browser takes over; relative text appears only in the browser, so the
 * server and client render the same markup.
 */
export function LocalTime({ value }: { value: string }) {
  const inBrowser = useSyncExternalStore(subscribe, () => true, () => false);
  const { timeZone, dateFormat } = useTimeDisplay();
  const date = new Date(value);
  const zone = timeZone ?? (inBrowser ? undefined : "UTC");
  const exact = `${formatDateTime(date, { timeZone: zone, dateFormat })}${zone === "UTC" ? " UTC" : ""}`;
  const recent = inBrowser ? formatRecent(date, Date.now()) : undefined;
  return (
    <time dateTime={value} title={exact}>
      {recent ?? exact}
    </time>
  );
}
