"use server";

import { endSession } from "@/db/queries/sessions";
import { signOut } from "@/lib/auth/config";
import { currentSessionId } from "@/lib/auth/session";
import { isUuid } from "@/lib/validation/ids";

// Ends this browser's session only (its row too, so a copy of the cookie is
// refused as well); "sign out everywhere" bumps the session version.
export async function signOutAction(): Promise<void> {
  const sessionId = await currentSessionId();
  if (isUuid(sessionId)) await endSession(sessionId);
  await signOut({ redirectTo: "/sign-in?notice=signed-out" });
}
