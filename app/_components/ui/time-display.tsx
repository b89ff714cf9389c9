"use client";

import { createContext, useContext, type ReactNode } from "react";
import { formatDateTime, type TimeDisplay } from "@/lib/format-time";

const TimeDisplayContext = createContext<TimeDisplay>({});

/** The signed-in person's time zone and date format, for every time shown below it. */
export function TimeDisplayProvider({ value, children }: { value: TimeDisplay; children: ReactNode }) {
  return <TimeDisplayContext.Provider value={value}>{children}</TimeDisplayContext.Provider>;
}

export function useTimeDisplay(): TimeDisplay {
  return useContext(TimeDisplayContext);
}

/** Formats times for messages (toasts) the way LocalTime shows them, in the browser. */
export function useFormatDateTime(): (iso: string) => string {
  const display = useTimeDisplay();
  return (iso) => formatDateTime(new Date(iso), display);
}
