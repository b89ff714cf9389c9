// Small pieces the users page's dialogs share.

export function confirmDiscard(): boolean {
  return window.confirm("Discard your unsaved changes?");
}

/** An expiry as the viewer reads it: "Dec 1, 2026, 3:04 PM". */
export function formatExpiry(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}
