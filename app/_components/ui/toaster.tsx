"use client";

import { Toaster as Sonner } from "sonner";

export { toast } from "sonner";

/** Where action results appear; sonner announces them to screen readers through a live region. */
export function Toaster() {
  return <Sonner position="bottom-right" theme="system" closeButton richColors />;
}
