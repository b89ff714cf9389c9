import { cache } from "react";
import { auth } from "./config";
import { resolveSession, type CurrentSession } from "./resolve-session";

export type { CurrentSession } from "./resolve-session";

/**
 * The signed-in person for this request, or null. React's cache() makes one
 * request decode the token and read the person once, however many components ask.
 */
export const getSession = cache(async (): Promise<CurrentSession | null> => resolveSession(await auth()));
