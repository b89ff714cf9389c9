// Small pieces the users page's dialogs share.

export function confirmDiscard(): boolean {
  return window.confirm("Discard your unsaved changes?");
}
