import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { Toaster } from "./_components/ui/toaster";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Rolecall", template: "%s · Rolecall" },
  description: "User and access management for call-tracking networks",
};

export const viewport: Viewport = {
  colorScheme: "light dark",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        {children}
        <Toaster />
      </body>
    </html>
  );
}
