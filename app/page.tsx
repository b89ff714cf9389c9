import { redirect } from "next/navigation";
import { findHomeAccountSlug } from "@/db/queries/accounts";
import { getSession } from "@/lib/auth/session";
import { landingPathFor } from "@/lib/profile/landing-path";

// "/" has no content of its own: it sends people to their home account (their chosen start page there).
export default async function Home() {
  const session = await getSession();
  if (!session) redirect("/sign-in");
  const slug = await findHomeAccountSlug(session.user.id);
  if (!slug) redirect("/sign-in");
  redirect(await landingPathFor(session.user.id, slug));
}
