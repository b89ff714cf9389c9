"use client";

import { Home, Users } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/app/_components/ui/cn";

export function SidebarNav({ accountSlug }: { accountSlug: string }) {
  const pathname = usePathname();
  const base = `/a/${accountSlug}`;
  const sections = [
    { title: null, items: [{ href: base, label: "Overview", icon: Home, exact: true }] },
    { title: "Settings", items: [{ href: `${base}/settings/users`, label: "Users", icon: Users, exact: false }] },
  ];

  return (
    <nav aria-label="Sections" className="space-y-4">
      {sections.map((section) => (
        <div key={section.title ?? "main"} className="space-y-1">
          {section.title ? (
            <p className="px-2 text-xs font-medium tracking-wide text-zinc-500 uppercase">{section.title}</p>
          ) : null}
          <ul className="space-y-0.5">
            {section.items.map((item) => {
              const active = item.exact ? pathname === item.href : pathname.startsWith(item.href);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? "page" : undefined}
                    className={cn(
                      "flex items-center gap-2 rounded-md px-2 py-1.5 text-sm",
                      active
                        ? "bg-zinc-200/70 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100"
                        : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800/60",
                    )}
                  >
                    <item.icon aria-hidden="true" className="size-4" />
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
