"use client";

import { MoreVertical } from "lucide-react";
import Link from "next/link";
import { Button } from "@/app/_components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/app/_components/ui/dropdown-menu";

/** The ⋮ beside + New: spreadsheet work on the whole list (Super Users). */
export function BulkMenu({ importHref, templateHref, exportHref }: { importHref: string; templateHref: string; exportHref: string }) {
  return (
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <Button variant="secondary" aria-label="More user actions">
          <MoreVertical className="size-4" aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent inline>
        <DropdownMenuItem asChild>
          <Link href={importHref}>Import users</Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <a href={exportHref} download>
            Export users (this view)
          </a>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <a href={templateHref} download>
            Download import template
          </a>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
