"use client";

import { Bell } from "lucide-react";
import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/app/_components/ui/button";
import { LocalTime } from "@/app/_components/ui/local-time";
import { Popover, PopoverContent, PopoverTrigger } from "@/app/_components/ui/popover";
import { toast } from "@/app/_components/ui/toaster";
import type { BellNotification } from "@/lib/notifications/bell-items";
import { markAllNotificationsRead, markNotificationRead } from "./notification-actions";

type BellState = { unread: number; items: BellNotification[]; more: boolean };

// Links are stored as same-site paths; anything else is not followed.
const isSameSitePath = (link: string) => link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/\\");

export function NotificationBell({ unread, items, more }: BellState) {
  const [state, setState] = useState<BellState>({ unread, items, more });
  // A fresh server render (reload, refresh) replaces what this browser marked.
  const [fromServer, setFromServer] = useState<BellState>({ unread, items, more });
  if (fromServer.unread !== unread || fromServer.items !== items || fromServer.more !== more) {
    setFromServer({ unread, items, more });
    setState({ unread, items, more });
  }
  const [pending, startTransition] = useTransition();
  const [loading, setLoading] = useState(false);

  async function showOlder() {
    const last = state.items.at(-1);
    if (!last) return;
    setLoading(true);
    const response = await fetch(`/api/notifications?before=${encodeURIComponent(last.id)}`, { cache: "no-store" }).catch(() => undefined);
    const page = response?.ok ? ((await response.json().catch(() => undefined)) as { items: BellNotification[]; more: boolean } | undefined) : undefined;
    setLoading(false);
    if (!page) return void toast.error("Could not load older notifications. Try again in a moment.");
    setState((current) => ({ ...current, items: [...current.items, ...page.items.filter((item) => !current.items.some((shown) => shown.id === item.id))], more: page.more }));
  }

  function markOne(id: string) {
    const item = state.items.find((candidate) => candidate.id === id);
    if (!item || item.read) return;
    const previous = state;
    setState({ ...state, unread: Math.max(0, state.unread - 1), items: state.items.map((candidate) => (candidate.id === id ? { ...candidate, read: true } : candidate)) });
    startTransition(async () => {
      const result = await markNotificationRead({ id });
      if (!result.ok) {
        setState(previous);
        toast.error(result.error);
      }
    });
  }

  function markAll() {
    const previous = state;
    setState({ ...state, unread: 0, items: state.items.map((item) => ({ ...item, read: true })) });
    startTransition(async () => {
      const result = await markAllNotificationsRead({});
      if (!result.ok) {
        setState(previous);
        toast.error(result.error);
      }
    });
  }

  const count = state.unread > 99 ? "99+" : String(state.unread);
  return (
    <Popover>
      <PopoverTrigger
        aria-label={state.unread > 0 ? `Notifications, ${state.unread} unread` : "Notifications"}
        className="relative flex size-9 items-center justify-center rounded-md text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        <Bell aria-hidden="true" className="size-5" />
        {state.unread > 0 ? (
          // Drawn by CSS, not text, so the visible count is not a word missing from the button's name.
          <span
            aria-hidden="true"
            data-count={count}
            className="absolute -top-0.5 -right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-red-600 px-1 text-[10px] leading-none font-semibold text-white tabular-nums before:content-[attr(data-count)]"
          />
        ) : null}
      </PopoverTrigger>
      <PopoverContent align="end" aria-labelledby="notifications-heading" className="w-[min(24rem,calc(100vw-2rem))]">
        <div className="flex items-center justify-between gap-2 border-b border-zinc-200 px-4 py-2.5 dark:border-zinc-800">
          <h2 id="notifications-heading" className="text-sm font-semibold">
            Notifications
          </h2>
          <Button variant="ghost" size="sm" disabled={pending || state.unread === 0} onClick={markAll}>
            Mark all read
          </Button>
        </div>
        {state.items.length === 0 ? (
          <p className="px-4 py-6 text-center text-sm text-zinc-600 dark:text-zinc-400">
            You&apos;re all caught up. Accepted invitations, changes to your access and finished imports show up here.
          </p>
        ) : (
          <ul className="max-h-[min(28rem,70vh)] divide-y divide-zinc-200 overflow-y-auto dark:divide-zinc-800">
            {state.items.map((item) => (
              <li key={item.id} className="flex gap-3 px-4 py-3">
                <span
                  aria-hidden="true"
                  className={`mt-1.5 size-2 shrink-0 rounded-full ${item.read ? "bg-transparent" : "bg-accent-600"}`}
                />
                <div className="min-w-0 flex-1 text-sm">
                  {isSameSitePath(item.link) ? (
                    <Link href={item.link} onClick={() => markOne(item.id)} className="font-medium hover:underline">
                      {item.title}
                    </Link>
                  ) : (
                    <span className="font-medium">{item.title}</span>
                  )}
                  {item.read ? null : <span className="sr-only"> (unread)</span>}
                  {item.body ? <p className="mt-0.5 whitespace-pre-line text-zinc-600 dark:text-zinc-400">{item.body}</p> : null}
                  <div className="mt-1 flex items-center justify-between gap-2 text-xs text-zinc-600 dark:text-zinc-400">
                    <LocalTime value={item.createdAt} />
                    {item.read ? null : (
                      <button
                        type="button"
                        disabled={pending}
                        onClick={() => markOne(item.id)}
                        className="rounded px-1 font-medium text-accent-700 hover:underline dark:text-accent-100"
                      >
                        Mark read<span className="sr-only">: {item.title}</span>
                      </button>
                    )}
                  </div>
                </div>
              </li>
            ))}
            {state.more ? (
              <li className="px-4 py-2 text-center">
                <Button variant="ghost" size="sm" disabled={loading} onClick={showOlder}>
                  {loading ? "Loading…" : "Show older"}
                </Button>
              </li>
            ) : null}
          </ul>
        )}
        <div className="border-t border-zinc-200 px-4 py-2 text-right text-xs dark:border-zinc-800">
          <Link href="/profile#notifications-heading" className="font-medium text-accent-700 hover:underline dark:text-accent-100">
            Notification settings
          </Link>
        </div>
      </PopoverContent>
    </Popover>
  );
}
