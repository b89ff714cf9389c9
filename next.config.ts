import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and WASM packages must be loaded by Node at run time, not bundled:
  // PGlite ships a WASM build of Postgres, argon2 a prebuilt .node binary.
  // React Email renders with react-dom/server, which the server-components
  // bundle replaces with a stub that throws; loaded by Node it gets the real
  // one. pg-boss is loaded by Node too, exactly as the integration tests run it.
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres", "pg-boss", "@react-email/components", "@react-email/render", "xlsx"],
  poweredByHeader: false,
  // forbidden() and app/forbidden.tsx answer 403 for a missing permission.
  experimental: {
    authInterrupts: true,
    // The proxy buffers request bodies up to this size: a 10 MB upload plus its form encoding must arrive whole.
    proxyClientMaxBodySize: "11mb",
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
      {
        // One-time tokens travel in these paths: never leak them in a Referer.
        source: "/(reset-password|invite)/:token*",
        headers: [{ key: "Referrer-Policy", value: "no-referrer" }],
      },
    ];
  },
};

export default nextConfig;
