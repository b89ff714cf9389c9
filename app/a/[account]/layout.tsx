import type { ReactNode } from "react";
import { AccountSwitcher } from "@/app/_components/shell/account-switcher";
import { navigationFor } from "@/app/_components/shell/navigation";
import { NotificationBell } from "@/app/_components/shell/notification-bell";
import { SidebarNav } from "@/app/_components/shell/sidebar-nav";
import { UserMenu } from "@/app/_components/shell/user-menu";
import { TimeDisplayProvider } from "@/app/_components/ui/time-display";
import { listReachableAccounts } from "@/db/queries/accounts";
import { countUnread, listNotifications, NOTIFICATIONS_PAGE_SIZE } from "@/db/queries/notifications";
import { bellItem } from "@/lib/notifications/bell-items";
import { authorize } from "@/lib/authz/authorize";

export default async function AccountLayout({ children, params }: { children: ReactNode; params: Promise<{ account: string }> }) {
  const { account: slug } = await params;
  // Closed accounts still get the shell, for their network's Super Users to reopen them.
  const access = await authorize(slug, undefined, { allowClosed: true });
  const { account, session } = access;
  const [switcherGroups, unread, notifications] = await Promise.all([
    listReachableAccounts(session.user.id),
    countUnread(session.user.id),
    listNotifications(session.user.id, { limit: NOTIFICATIONS_PAGE_SIZE + 1 }),
  ]);

  return (
    <TimeDisplayProvider
      value={{
        timeZone: session.display?.timeZone ?? undefined,
        dateFormat: session.display?.dateFormat,
      }}
    >
      <div className="min-h-screen">
        <a
          href="#content"
          className="sr-only rounded-md bg-white px-3 py-2 focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 dark:bg-zinc-900"
        >
          Skip to content
        </a>
        <header className="sticky top-0 z-40 border-b border-zinc-200 bg-white/95 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/95">
          <div className="mx-auto flex h-14 max-w-[1440px] items-center justify-between gap-4 px-4">
            <div className="flex min-w-0 items-center gap-3">
              <span aria-hidden="true" className="size-2.5 shrink-0 rounded-full bg-accent-600" />
              <AccountSwitcher
                current={{
                  slug: account.slug,
                  name: account.name,
                  type: account.type,
                }}
                initialGroups={switcherGroups}
              />
            </div>
            <div className="flex items-center gap-1">
              <NotificationBell unread={unread} items={notifications.slice(0, NOTIFICATIONS_PAGE_SIZE).map(bellItem)} more={notifications.length > NOTIFICATIONS_PAGE_SIZE} />
              <UserMenu name={session.user.name} email={session.user.email} />
            </div>
          </div>
        </header>
        <div className="mx-auto flex max-w-[1440px] flex-col gap-6 px-4 py-6 md:flex-row">
          <aside className="md:w-52 md:shrink-0">
            <SidebarNav sections={navigationFor(access)} />
          </aside>
          <main id="content" className="min-w-0 max-w-[1200px] flex-1">
            {children}
          </main>
        </div>
      </div>
    </TimeDisplayProvider>
  );
}
