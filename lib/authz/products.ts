// The two products an account can have; a member's licenses are a subset of them.
export const PRODUCTS = ["marketing", "contact_center"] as const;
export type Product = (typeof PRODUCTS)[number];

export const PRODUCT_LABELS: Record<Product, string> = {
  marketing: "Marketing",
  contact_center: "Contact Center",
};
