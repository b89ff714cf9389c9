"use client";

import { Command } from "cmdk";
import { Check, ChevronsUpDown } from "lucide-react";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Popover, PopoverContent, PopoverTrigger } from "@/app/_components/ui/popover";
import type { SwitcherGroup } from "@/db/queries/accounts";
import type { AccountType } from "@/db/schema";
import { ACCOUNT_GROUP_LABELS, ACCOUNT_TYPE_LABELS } from "@/lib/account-types";

type CurrentAccount = { slug: string; name: string; type: AccountType };
type LoadState = "idle" | "loading" | "error";

const SEARCH_DELAY_MS = 150;

/** Searches the server as the user types; the first page of each group comes with the page. */
function useAccountSearch(open: boolean, search: string, initialGroups: SwitcherGroup[]) {
  const [groups, setGroups] = useState(initialGroups);
  const [state, setState] = useState<LoadState>("idle");

  useEffect(() => {
    if (!open) return;
    const term = search.trim();
    if (!term) {
      setGroups(initialGroups);
      setState("idle");
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setState("loading");
      try {
        const response = await fetch(`/api/accounts?q=${encodeURIComponent(term)}`, { signal: controller.signal });
        if (!response.ok) throw new Error(String(response.status));
        const body = (await response.json()) as { groups: SwitcherGroup[] };
        setGroups(body.groups);
        setState("idle");
      } catch {
        if (!controller.signal.aborted) setState("error");
      }
    }, SEARCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [open, search, initialGroups]);

  return { groups, state };
}

export function AccountSwitcher({ current, initialGroups }: { current: CurrentAccount; initialGroups: SwitcherGroup[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState("");
  const { groups, state } = useAccountSearch(open, search, initialGroups);

  function switchTo(slug: string) {
    setOpen(false);
    setSearch("");
    if (slug === current.slug) return;
    // Stay on the same page of the other account: an admin comparing the
    // users of two advertisers should not have to navigate back each time.
    router.push(pathname.replace(/^\/a\/[^/]+/, `/a/${slug}`));
  }

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger
        // The visible text leads the name (WCAG 2.5.3, label in name), then what the button does.
        aria-label={`${current.name} ${ACCOUNT_TYPE_LABELS[current.type]}: switch account`}
        className="flex min-w-0 items-center gap-2 rounded-md px-2 py-1.5 text-left hover:bg-zinc-100 dark:hover:bg-zinc-800"
      >
        <span className="min-w-0">
          <span className="block truncate font-semibold">{current.name}</span>{" "}
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">{ACCOUNT_TYPE_LABELS[current.type]}</span>
        </span>
        <ChevronsUpDown aria-hidden="true" className="size-4 shrink-0 text-zinc-500" />
      </PopoverTrigger>
      <PopoverContent className="w-80 p-0">
        <Command shouldFilter={false} label="Switch account" className="flex max-h-96 flex-col">
          <Command.Input
            value={search}
            onValueChange={setSearch}
            placeholder="Search accounts…"
            maxLength={100}
            className="h-10 border-b border-zinc-200 bg-transparent px-3 text-sm outline-none dark:border-zinc-800"
          />
          <Command.List className="overflow-y-auto p-1">
            {state === "loading" ? <Command.Loading>Searching…</Command.Loading> : null}
            {state === "error" ? (
              <p role="alert" className="px-2 py-3 text-sm text-red-700 dark:text-red-400">
                Could not search accounts. Check your connection and type again.
              </p>
            ) : null}
            <Command.Empty className="px-2 py-3 text-sm text-zinc-500">
              {search.trim() ? `No accounts match “${search.trim()}”.` : "No accounts."}
            </Command.Empty>
            {groups.map((group) => (
              <Command.Group
                key={group.type}
                heading={ACCOUNT_GROUP_LABELS[group.type]}
                className="[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-zinc-500"
              >
                {group.accounts.map((account) => (
                  <Command.Item
                    key={account.id}
                    value={account.slug}
                    onSelect={() => switchTo(account.slug)}
                    className="flex cursor-default items-center justify-between gap-2 rounded-md px-2 py-1.5 text-sm data-[selected=true]:bg-zinc-100 dark:data-[selected=true]:bg-zinc-800"
                  >
                    <span className="truncate">{account.name}</span>
                    {account.slug === current.slug ? (
                      <Check aria-label="Current account" className="size-4 shrink-0 text-accent-600" />
                    ) : null}
                  </Command.Item>
                ))}
                {group.hasMore ? (
                  <p className="px-2 py-1 text-xs text-zinc-500">
                    Showing the first {group.accounts.length}. Type to find the others.
                  </p>
                ) : null}
              </Command.Group>
            ))}
          </Command.List>
        </Command>
      </PopoverContent>
    </Popover>
  );
}
