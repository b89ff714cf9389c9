import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every way into the app's data must go through authorize(), the action
// wrappers or authorizeRoute() — or, for what a person does to their own
// person in no account (the profile), requireSession() and selfAction(). The
// few endpoints that cannot — because they make or end a session, or act on a
// one-time token — are listed here with the reason; a new endpoint that is
// neither checked nor listed fails this test.
const PUBLIC_ACTIONS: Record<string, string> = {
  "app/(auth)/sign-in/actions.ts#signInWithPassword": "signing in is what makes a caller known",
  "app/(auth)/reset-password/[token]/actions.ts#setPassword": "the one-time token is the credential",
  "app/(auth)/forgot-password/actions.ts#requestPasswordResetLink": "its caller cannot sign in; answers the same whoever the email is",
  "app/_components/shell/actions.ts#signOutAction": "ends the caller's own session only",
  "app/(auth)/invite/[token]/actions.ts#acceptAsNewPerson": "the one-time invitation token is the credential",
  "app/(auth)/invite/[token]/actions.ts#acceptAsExistingPerson": "the invitation token plus the person's own password",
  "app/(auth)/invite/[token]/actions.ts#acceptAsSignedIn": "the invitation token, bound to the signed-in person",
  "app/(auth)/sign-in/two-factor/actions.ts#submitSecondFactor": "the second step of signing in: the sealed challenge cookie the password step set",
  "app/(auth)/sign-in/two-factor/actions.ts#confirmSignInEnrolment": "setting up a required second factor during sign-in, under the same challenge",
  "app/(auth)/sign-in/two-factor/actions.ts#finishEnrolledSignIn": "starts the session once the challenge reached its last stage",
};
const PUBLIC_ROUTES: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts": "next-auth's own endpoints (CSRF, session, sign-out)",
  "app/api/accounts/route.ts": "lists only the caller's own reach; checks the session itself",
  "app/api/notifications/route.ts": "lists only the caller's own notifications; checks the session itself",
  "app/api/oauth/token/route.ts": "the OAuth client-credentials grant: the client secret is the credential",
  "app/api/v1/openapi.json/route.ts": "the API's description; no data",
};
const PUBLIC_PAGES: Record<string, string> = {
  "app/page.tsx": "redirects to the caller's home account or to sign-in",
  "app/(auth)/sign-in/page.tsx": "the sign-in form",
  "app/(auth)/reset-password/[token]/page.tsx": "the one-time token is the credential",
  "app/(auth)/forgot-password/page.tsx": "the form for someone who cannot sign in",
  "app/dev/mail/page.tsx": "the dev outbox: exists only while no mail is sent (not found otherwise), so invite links can be followed",
  "app/dev/mail/[id]/page.tsx": "one email of the dev outbox, under the same rule",
  "app/(auth)/invite/[token]/page.tsx": "the one-time invitation token is the credential",
  "app/(auth)/sign-in/two-factor/page.tsx": "the second step of signing in, for whoever holds the challenge cookie",
};

const root = path.resolve(import.meta.dirname, "../..");

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [path.relative(root, full)];
  });
}

const appFiles = filesUnder(path.join(root, "app"));
const source = (file: string) => readFileSync(path.join(root, file), "utf8");
const isServerActionFile = (file: string) => /^\s*["']use server["']/.test(source(file));

describe("every endpoint is authorized", () => {
  it("server actions are built with accountAction() or selfAction(), or listed as public", () => {
    const unchecked: string[] = [];
    for (const file of appFiles.filter((f) => /\.tsx?$/.test(f) && isServerActionFile(f))) {
      const text = source(file);
      for (const match of text.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(\w+)/g)) {
        const name = match[1]!;
        const wrapped = new RegExp(`export\\s+const\\s+${name}\\s*=\\s*(accountAction|selfAction)\\(`).test(text);
        if (!wrapped && !PUBLIC_ACTIONS[`${file}#${name}`]) unchecked.push(`${file}#${name}`);
      }
    }
    expect(unchecked).toEqual([]);
  });

  it("route handlers call authorizeRoute() or are listed as public", () => {
    const routes = appFiles.filter((file) => /\/route\.tsx?$/.test(file));
    expect(routes.length).toBeGreaterThan(0);
    // The users API authorizes its bearer credential the same way (authorizeApi: the creator's access, then the permission).
    const unchecked = routes.filter((file) => !/authorize(Route|Api)\(/.test(source(file)) && !PUBLIC_ROUTES[file]);
    expect(unchecked).toEqual([]);
  });

  it("pages and layouts call authorize() or requireSession(), or are listed as public", () => {
    const pages = appFiles.filter((file) => /\/(page|layout)\.tsx$/.test(file) && !/^app\/(\(auth\)\/)?layout\.tsx$/.test(file));
    const unchecked = pages.filter((file) => !/\b(authorize|requireSession)\(/.test(source(file)) && !PUBLIC_PAGES[file]);
    expect(unchecked).toEqual([]);
  });

  it("lists no public endpoint that no longer exists", () => {
    const listed = [...Object.keys(PUBLIC_ACTIONS).map((key) => key.split("#")[0]!), ...Object.keys(PUBLIC_ROUTES), ...Object.keys(PUBLIC_PAGES)];
    expect(listed.filter((file) => !appFiles.includes(file))).toEqual([]);
  });
});
