"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** A time in the viewer's own time zone (the server renders UTC until the browser takes over). */
export function LocalTime({ value }: { value: string }) {
  const inBrowser = useSyncExternalStore(subscribe, () => true, () => false);
  const date = new Date(value);
  const options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };
  const text = inBrowser
    ? date.toLocaleString("en-US", options)
    : `${date.toLocaleString("en-US", { ...options, timeZone: "UTC" })} UTC`;
  return (
    <time dateTime={value} title={date.toISOString()}>
      {text}
    </time>
  );
}
