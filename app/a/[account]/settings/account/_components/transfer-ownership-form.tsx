"use client";

import { useState, useTransition } from "react";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { transferOwnership } from "../actions";

type Candidate = { id: string; name: string; email: string };

export function TransferOwnershipForm({ accountSlug, accountName, candidates }: { accountSlug: string; accountName: string; candidates: Candidate[] }) {
  const [newHolderUserId, setNewHolderUserId] = useState("");
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, startTransition] = useTransition();
  const chosen = candidates.find((candidate) => candidate.id === newHolderUserId);

  if (candidates.length === 0) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Only another active Super User of {accountName} can become its holder. Make someone a Super User first.
      </p>
    );
  }

  function submit() {
    setError(undefined);
    startTransition(async () => {
      const result = await transferOwnership(accountSlug, { newHolderUserId });
      if (!result.ok) {
        setError(result.fieldErrors?.newHolderUserId ?? result.error);
        setConfirming(false);
      }
    });
  }

  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="space-y-1.5">
        <label htmlFor="newHolderUserId" className="block text-sm font-medium">
          New account holder
        </label>
        <select
          id="newHolderUserId"
          value={newHolderUserId}
          onChange={(event) => {
            setNewHolderUserId(event.target.value);
            setConfirming(false);
          }}
          className="block h-9 w-full max-w-sm rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        >
          <option value="">Choose a Super User…</option>
          {candidates.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name} ({candidate.email})
            </option>
          ))}
        </select>
      </div>
      {confirming && chosen ? (
        <div role="alertdialog" aria-labelledby="transfer-confirm" className="space-y-2 rounded-md border border-red-200 p-3 dark:border-red-900">
          <p id="transfer-confirm" className="text-sm">
            Make {chosen.name} the holder of {accountName}? You will no longer be able to close the account or hand it
            over; you stay a Super User.
          </p>
          <div className="flex gap-2">
            <Button variant="danger" onClick={submit} disabled={pending}>
              {pending ? "Transferring…" : `Transfer to ${chosen.name}`}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="secondary" disabled={!chosen} onClick={() => setConfirming(true)}>
          Transfer ownership…
        </Button>
      )}
    </div>
  );
}
