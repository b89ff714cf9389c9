export * from "./enums";
export * from "./users";
export * from "./accounts";
export * from "./memberships";
export * from "./password-tokens";
export * from "./calls";
export * from "./access-presets";
