export const ACCOUNT_TYPES = ["network", "advertiser", "publisher", "profile"] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

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
