import type { AccountType } from "@/db/schema";

export const ACCOUNT_TYPE_LABELS: Record<AccountType, string> = {
  network: "Network",
  advertiser: "Advertiser",
  publisher: "Publisher",
  profile: "Profile",
};

// Headings of the account switcher's groups, in the order they are listed.
export const ACCOUNT_GROUP_LABELS: Record<AccountType, string> = {
  network: "Network",
  advertiser: "Advertisers",
  publisher: "Publishers",
  profile: "Profiles",
};
