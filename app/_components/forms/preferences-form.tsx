"use client";

import { Alert } from "@/app/_components/ui/alert";
import { Button } from "@/app/_components/ui/button";
import { DATE_FORMATS, LANDING_PAGES, preferencesSchema, type PreferencesInput } from "@/lib/validation/profile";
import type { ActionResult } from "@/lib/action";
import { SelectField } from "./select-field";
import { useActionForm } from "./use-action-form";

const DATE_FORMAT_OPTIONS = Object.entries(DATE_FORMATS).map(([value, example]) => ({ value, label: `${example} (${value})` }));
const LANDING_PAGE_OPTIONS = Object.entries(LANDING_PAGES).map(([value, page]) => ({ value, label: page.label }));

type Props = {
  initial: PreferencesInput;
  timeZones: string[];
  // The person's own /profile, or an admin's edit dialog: each saves through its own action.
  action(values: PreferencesInput): Promise<ActionResult<unknown>>;
  subject?: "self" | "member";
};

// The server's list of time zones comes in as a prop: the browser's own list
// can differ, and the rendered options must match on both sides.
export function PreferencesForm({ initial, timeZones, action, subject = "self" }: Props) {
  const { form, onSubmit, pending, message } = useActionForm({
    schema: preferencesSchema,
    defaultValues: initial,
    action,
    successMessage: "Preferences saved.",
  });
  const { errors, isDirty } = form.formState;
  const timeZoneOptions = [{ value: "", label: subject === "self" ? "Your browser's time zone" : "Their browser's time zone" }, ...timeZones.map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }))];

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-busy={pending}>
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <SelectField
        id="timeZone"
        label="Time zone"
        help={`Times across the portal are shown in this time zone${subject === "self" ? "" : " for this person"}.`}
        error={errors.timeZone?.message}
        options={timeZoneOptions}
        {...form.register("timeZone")}
      />
      <SelectField id="dateFormat" label="Date format" error={errors.dateFormat?.message} options={DATE_FORMAT_OPTIONS} {...form.register("dateFormat")} />
      <SelectField
        id="landingPage"
        label="Start page"
        help={subject === "self" ? "Where Rolecall opens after you sign in, in your home account." : "Where Rolecall opens for this person after they sign in."}
        error={errors.landingPage?.message}
        options={LANDING_PAGE_OPTIONS}
        {...form.register("landingPage")}
      />
      <Button type="submit" disabled={pending || !isDirty}>
        {pending ? "Saving…" : "Save preferences"}
      </Button>
    </form>
  );
}
