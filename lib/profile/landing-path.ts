import { findProfile } from "@/db/queries/profile";
import { checkAccess } from "@/lib/authz/authorize";
import { LANDING_PAGES, type LandingPage } from "@/lib/validation/profile";

/**
 * Where "/" sends a signed-in person: their chosen start page in their home
 * account, or its overview when they chose none or may not open that page there.
 */
export async function landingPathFor(userId: string, homeAccountSlug: string): Promise<string> {
  const overview = `/a/${homeAccountSlug}`;
  const chosen = (await findProfile(userId))?.landingPage;
  if (!chosen || !Object.hasOwn(LANDING_PAGES, chosen)) return overview;
  const page = LANDING_PAGES[chosen as LandingPage];
  if (page.permission && !(await checkAccess(homeAccountSlug, page.permission)).ok) return overview;
  return overview + page.path;
}
