import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { UserMenu } from "@/app/_components/shell/user-menu";

/** The profile page's header: no account is current here, so no switcher — a way back to the portal instead. */
export function ProfileHeader({ name, email }: { name: string; email: string }) {
  return (
    <header className="sticky top-0 z-40 border-b border-zinc-200 bg-white/95 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/95">
      <div className="mx-auto flex h-14 max-w-[1440px] items-center justify-between gap-4 px-4">
        <Link href="/" className="flex items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800">
          <ArrowLeft aria-hidden="true" className="size-4" />
          Back to your home account
        </Link>
        <UserMenu name={name} email={email} />
      </div>
    </header>
  );
}
