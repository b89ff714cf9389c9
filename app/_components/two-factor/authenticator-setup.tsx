/** The new secret, to scan or type into an authenticator app. */
export function AuthenticatorSetup({ qrCode, manualKey }: { qrCode: string; manualKey: string }) {
  return (
    <div className="space-y-3">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Scan this code with an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password…), then enter the 6-digit code it shows.
      </p>
      {/* The SVG is drawn on the server from the otpauth link alone; nothing the person typed is in its markup. */}
      <div role="img" aria-label="QR code for your authenticator app" className="size-44 rounded-md border border-zinc-200 bg-white p-1" dangerouslySetInnerHTML={{ __html: qrCode }} />
      <p className="text-sm">
        Can&apos;t scan it? Enter this key instead:{" "}
        <code data-testid="manual-key" className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-sm tracking-wider dark:bg-zinc-800">
          {manualKey}
        </code>
      </p>
    </div>
  );
}
