"use client";

import { Upload } from "lucide-react";
import { useState } from "react";
import { cn } from "@/app/_components/ui/cn";

const ACCEPT = ".xlsx,.xls,.ods,.csv";

/** A file picker that also takes a dropped file; the input itself stays the keyboard's way in. */
export function UploadField({ pending, onFile }: { pending: boolean; onFile(file: File): void }) {
  const [dragging, setDragging] = useState(false);
  return (
    <div
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        event.preventDefault();
        setDragging(false);
        const file = event.dataTransfer.files[0];
        if (file) onFile(file);
      }}
      className={cn(
        "rounded-lg border-2 border-dashed px-6 py-10 text-center",
        dragging ? "border-accent-600 bg-accent-50 dark:bg-accent-700/10" : "border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-900",
      )}
    >
      <Upload className="mx-auto mb-3 size-6 text-zinc-500" aria-hidden />
      <label htmlFor="upload-file" className="block text-sm font-medium">
        Drop a spreadsheet here, or choose one
      </label>
      <p id="upload-help" className="mt-1 text-xs text-zinc-500">
        .xlsx, .xls, .ods or .csv, up to 10 MB and 100,000 rows.
      </p>
      <input
        id="upload-file"
        type="file"
        accept={ACCEPT}
        aria-describedby="upload-help"
        disabled={pending}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onFile(file);
          event.target.value = "";
        }}
        className="mx-auto mt-4 block text-sm"
      />
      {pending ? (
        <p role="status" className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
          Checking the file…
        </p>
      ) : null}
    </div>
  );
}
