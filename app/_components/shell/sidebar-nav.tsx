"use client";

import { BookOpen, Building2, Home, KeyRound, PhoneCall, ScrollText, SlidersHorizontal, Users } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/app/_components/ui/cn";

const ICONS = { home: Home, calls: PhoneCall, users: Users, roles: BookOpen, account: Building2, presets: SlidersHorizontal, audit: ScrollText, credentials: KeyRound } as const;

export type NavItem = { href: string; label: string; icon: keyof typeof ICONS; exact?: boolean };
export type NavSection = { title: string | null; items: NavItem[] };

/** The sections the caller may see; the server decides which, from their permissions. */
export function SidebarNav({ sections }: { sections: NavSection[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Sections" className="space-y-4">
      {sections
        .filter((section) => section.items.length > 0)
        .map((section) => (
          <div key={section.title ?? "main"} className="space-y-1">
            {section.title ? (
              <p className="px-2 text-xs font-medium tracking-wide text-zinc-500 uppercase">{section.title}</p>
            ) : null}
            <ul className="space-y-0.5">
              {section.items.map((item) => {
                const active = item.exact ? pathname === item.href : pathname.startsWith(item.href);
                const Icon = ICONS[item.icon];
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
                      <Icon aria-hidden="true" className="size-4" />
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
