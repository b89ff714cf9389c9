"use client";

import { useState, useTransition } from "react";
import { Button } from "@/app/_components/ui/button";
import { deletePreset } from "../actions";

export function DeletePresetButton({ accountSlug, presetId, name }: { accountSlug: string; presetId: string; name: string }) {
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      {error ? <span role="alert" className="text-sm text-red-700 dark:text-red-400">{error}</span> : null}
      <Button
        variant="ghost"
        size="sm"
        disabled={pending}
        aria-label={`Delete preset ${name}`}
        onClick={() => {
          if (!window.confirm(`Delete the preset “${name}”? People who got their access from it keep that access.`)) return;
          startTransition(async () => {
            const result = await deletePreset(accountSlug, { presetId });
            if (!result.ok) setError(result.error);
          });
        }}
      >
        Delete
      </Button>
    </span>
  );
}
