import { inArray } from "drizzle-orm";
import type { Transaction } from "./client";
import { calls, type MarketingData } from "./schema";

const LOCATIONS: Array<{ location: string; region: string }> = [
  { location: "Denver", region: "Mountain" },
  { location: "Boulder", region: "Mountain" },
  { location: "Salt Lake City", region: "Mountain" },
  { location: "Austin", region: "Texas" },
  { location: "Dallas", region: "Texas" },
  { location: "Phoenix", region: "Southwest" },
  { location: "Tucson", region: "Southwest" },
];
const SIGNALS = ["Lead", "Appointment booked", "Missed opportunity", "Spam"];

export const DEMO_CALLS: Record<string, { count: number; campaigns: string[] }> = {
  "bright-dental": { count: 1_200, campaigns: ["Google Ads – Implants", "Facebook – Whitening", "Direct Mail – Spring"] },
  "summit-auto": { count: 1_200, campaigns: ["Google Ads – Service", "Radio – Trade-in", "Website"] },
  "callflow-media": { count: 600, campaigns: ["Pay-per-call – Insurance", "Pay-per-call – Solar"] },
};

// A small deterministic generator (mulberry32): the same demo data on every machine.
function randomGenerator(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const DAY_MS = 86_400_000;

/**
 * Three thousand calls over the last 90 days for the demo advertisers and
 * publisher, tagged with a location and region. Adds nothing when the demo
 * accounts already have calls, so seeding stays idempotent.
 */
export async function seedDemoCalls(tx: Transaction, accountIdBySlug: Map<string, string>): Promise<number> {
  const accountIds = Object.keys(DEMO_CALLS).map((slug) => accountIdBySlug.get(slug)!);
  const existing = await tx.select({ id: calls.id }).from(calls).where(inArray(calls.accountId, accountIds)).limit(1);
  if (existing.length > 0) return 0;

  const random = randomGenerator(20261123);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const now = Date.now();
  const rows = Object.entries(DEMO_CALLS).flatMap(([slug, { count, campaigns }]) =>
    Array.from({ length: count }, () => {
      const place = pick(LOCATIONS);
      const marketingData: MarketingData = { location: place.location, region: place.region };
      return {
        accountId: accountIdBySlug.get(slug)!,
        startedAt: new Date(now - Math.floor(random() * 90 * DAY_MS)),
        callerNumber: `+1 (${200 + Math.floor(random() * 700)}) 555-${String(Math.floor(random() * 10_000)).padStart(4, "0")}`,
        durationSeconds: Math.floor(random() * 900),
        campaign: pick(campaigns),
        marketingData,
        signalResults: random() < 0.7 ? [pick(SIGNALS)] : [],
      };
    }),
  );
  for (let start = 0; start < rows.length; start += 500) {
    await tx.insert(calls).values(rows.slice(start, start + 500));
  }
  return rows.length;
}
