"use server";

import { signOut } from "@/lib/auth/config";

// Ends this browser's session only; "sign out everywhere" bumps the session version.
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in?notice=signed-out" });
}
