"use client";

import * as Menu from "@radix-ui/react-dropdown-menu";
import type { ComponentProps } from "react";
import { cn } from "./cn";

export const DropdownMenu = Menu.Root;
export const DropdownMenuTrigger = Menu.Trigger;

type DropdownMenuContentProps = ComponentProps<typeof Menu.Content> & {
  // Rendered in place instead of at the end of <body>, so it stays inside the
  // page's landmarks (axe "region"); it still floats above, positioned fixed.
  inline?: boolean;
};

export function DropdownMenuContent({ className, align = "end", sideOffset = 6, inline, ...props }: DropdownMenuContentProps) {
  const content = (
    <Menu.Content
      align={align}
      sideOffset={sideOffset}
      className={cn(
        "z-50 min-w-48 rounded-lg border border-zinc-200 bg-white p-1 shadow-lg dark:border-zinc-800 dark:bg-zinc-900",
        className,
      )}
      {...props}
    />
  );
  return inline ? content : <Menu.Portal>{content}</Menu.Portal>;
}

export function DropdownMenuItem({ className, ...props }: ComponentProps<typeof Menu.Item>) {
  return (
    <Menu.Item
      className={cn(
        "flex cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-none select-none",
        "data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800",
        className,
      )}
      {...props}
    />
  );
}

export function DropdownMenuLabel({ className, ...props }: ComponentProps<typeof Menu.Label>) {
  return <Menu.Label className={cn("px-2 py-1.5 text-sm", className)} {...props} />;
}

export function DropdownMenuSeparator() {
  return <Menu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />;
}
