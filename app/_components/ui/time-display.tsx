"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { TimeDisplay } from "@/lib/format-time";

const TimeDisplayContext = createContext<TimeDisplay>({});

/** The signed-in person's time zone and date format, for every time shown below it. */
export function TimeDisplayProvider({ value, children }: { value: TimeDisplay; children: ReactNode }) {
  return <TimeDisplayContext.Provider value={value}>{children}</TimeDisplayContext.Provider>;
}

export function useTimeDisplay(): TimeDisplay {
  return useContext(TimeDisplayContext);
}
