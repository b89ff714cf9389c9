import { redirect } from "next/navigation";
import { findHomeAccountSlug } from "@/db/queries/accounts";
import { getSession } from "@/lib/auth/session";

// "/" has no content of its own: it sends people to their home account.
export default async function Home() {
  const session = await getSession();
  if (!session) redirect("/sign-in");
  const slug = await findHomeAccountSlug(session.user.id);
  if (!slug) redirect("/sign-in");
  redirect(`/a/${slug}`);
}
