import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentSecondStep } from "@/lib/auth/second-step";
import { startEnrolment } from "@/lib/auth/two-factor";
import { readChallenge } from "@/lib/auth/two-factor-challenge";
import { SecondFactorForm } from "./second-factor-form";
import { SignInEnrolment } from "./sign-in-enrolment";

export const metadata: Metadata = { title: "Two-factor sign-in" };

// The second step of signing in; the challenge cookie the password step set says who and which stage.
export default async function TwoFactorPage() {
  const stage = (await readChallenge())?.stage;
  const step = stage ? await currentSecondStep(stage) : null;
  if (!step) redirect("/sign-in?notice=timed-out");

  const enrolment = step.challenge.stage === "enrol" ? await startEnrolment(step.person) : null;
  return (
    <div className="space-y-5">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">Two-factor sign-in</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {step.challenge.stage === "code"
            ? `Signing in as ${step.person.email}.`
            : step.challenge.stage === "enrol"
              ? `An account of yours requires two-factor sign-in. Set it up for ${step.person.email} to continue.`
              : "Two-factor sign-in is on."}
        </p>
      </div>
      {step.challenge.stage === "code" ? <SecondFactorForm /> : <SignInEnrolment setup={enrolment} />}
      <p className="text-center text-sm">
        <Link href="/sign-in" className="text-accent-600 underline underline-offset-4 dark:text-accent-500">
          Sign in as someone else
        </Link>
      </p>
    </div>
  );
}
