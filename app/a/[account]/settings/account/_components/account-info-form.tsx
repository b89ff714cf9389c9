"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { TextField } from "@/app/_components/ui/field";
import { PRODUCT_LABELS, PRODUCTS } from "@/lib/authz/products";
import { accountInfoSchema, INVITE_TTL_MAX_DAYS, type AccountInfoInput } from "@/lib/validation/account";
import { updateAccountInfo } from "../actions";

type Props = { accountSlug: string; initial: AccountInfoInput; canEdit: boolean };

export function AccountInfoForm({ accountSlug, initial, canEdit }: Props) {
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string }>();
  const [pending, startTransition] = useTransition();
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isDirty },
  } = useForm<AccountInfoInput>({ resolver: zodResolver(accountInfoSchema), defaultValues: initial });

  const onSubmit = handleSubmit((values) => {
    setMessage(undefined);
    startTransition(async () => {
      const result = await updateAccountInfo(accountSlug, values);
      if (result.ok) {
        setValue("expectedUpdatedAt", result.data.updatedAt, { shouldDirty: false });
        setMessage({ tone: "success", text: "Account information saved." });
        return;
      }
      setMessage({ tone: "error", text: result.error });
      for (const [field, text] of Object.entries(result.fieldErrors ?? {})) {
        setError(field as keyof AccountInfoInput, { message: text });
      }
    });
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <TextField id="name" label="Account name" error={errors.name?.message} disabled={!canEdit} {...register("name")} />
      <fieldset className="space-y-1.5" aria-describedby={errors.products ? "products-error" : "products-help"}>
        <legend className="text-sm font-medium">Products</legend>
        <div className="flex flex-wrap gap-4">
          {PRODUCTS.map((product) => (
            <label key={product} className="flex items-center gap-2 text-sm">
              <input type="checkbox" value={product} disabled={!canEdit} {...register("products")} />
              {PRODUCT_LABELS[product]}
            </label>
          ))}
        </div>
        {errors.products ? (
          <p id="products-error" className="text-sm text-red-700 dark:text-red-400">
            {errors.products.message}
          </p>
        ) : (
          <p id="products-help" className="text-xs text-zinc-500">
            Members can hold licenses only for the account&apos;s products.
          </p>
        )}
      </fieldset>
      <TextField
        id="invite-ttl"
        label="Invitation links work for (days)"
        type="number"
        min={1}
        max={INVITE_TTL_MAX_DAYS}
        className="w-24"
        help={`From 1 to ${INVITE_TTL_MAX_DAYS} days. Links already sent keep their expiry.`}
        error={errors.inviteTtlDays?.message}
        disabled={!canEdit}
        {...register("inviteTtlDays")}
      />
      {canEdit ? (
        <Button type="submit" disabled={pending || !isDirty}>
          {pending ? "Saving…" : "Save"}
        </Button>
      ) : null}
    </form>
  );
}
