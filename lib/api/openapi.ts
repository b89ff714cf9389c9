import { z } from "zod";
import { PRODUCTS } from "@/lib/authz/products";
import { ROLES } from "@/lib/authz/roles";
import { MEMBER_SORTS, MEMBER_STATUS_FILTERS, SEARCH_MAX_LENGTH } from "@/lib/validation/members-query";
import { inviteSchema } from "@/lib/validation/invite";
import { apiUserChangeSchema, apiUserListSchema, apiUserSchema } from "./users-resource";

// The OpenAPI document of /api/v1, built from the same zod schemas the API answers with.
const errorSchema = z.object({ error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }) });
const schema = (zodSchema: z.ZodType, io: "input" | "output" = "output") => z.toJSONSchema(zodSchema, { target: "openapi-3.0", io });
const body = (ref: string) => ({ required: true, ...json(ref) });
const json = (ref: string) => ({ content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } });
const errors = {
  "401": { description: "No valid credential or token", ...json("Error") },
  "403": { description: "The credential's owner may not do this", ...json("Error") },
};
const queryParameter = (name: string, description: string, values?: readonly string[]) => ({
  name,
  in: "query",
  required: false,
  description,
  schema: values ? { type: "string", enum: [...values] } : { type: "string", maxLength: SEARCH_MAX_LENGTH },
});
const idParameter = { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } };

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: { title: "Rolecall users API", version: "1", description: "Each credential acts with the access its creator has in its account, at each call." },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "A credential's secret (rcs_…)" },
        oauth: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "/api/oauth/token", scopes: {} } } },
      },
      schemas: {
        User: schema(apiUserSchema),
        UserList: schema(apiUserListSchema),
        NewUser: schema(inviteSchema, "input"),
        UserChange: schema(apiUserChangeSchema, "input"),
        Error: schema(errorSchema),
      },
    },
    security: [{ apiKey: [] }, { oauth: [] }],
    paths: {
      "/users": {
        get: {
          summary: "List and search the account's users",
          parameters: [
            queryParameter("q", "Name or email; 3+ characters match anywhere"),
            queryParameter("role", "Only this role", ROLES),
            queryParameter("license", "Only this license", PRODUCTS),
            queryParameter("status", "Only this status", MEMBER_STATUS_FILTERS),
            queryParameter("sort", "Order", MEMBER_SORTS),
            queryParameter("after", "The `next` of the previous page"),
          ],
          responses: { "200": { description: "A page of users", ...json("UserList") }, "400": { description: "A bad parameter", ...json("Error") }, ...errors },
        },
        post: {
          summary: "Invite a person (an email goes out)",
          requestBody: body("NewUser"),
          responses: { "201": { description: "Invited", ...json("User") }, "400": { description: "A field is not valid", ...json("Error") }, "409": { description: "Refused (already a member, beyond what you may grant…)", ...json("Error") }, ...errors },
        },
      },
      "/users/{id}/invitation": {
        post: {
          summary: "Send a pending invitation again, with a fresh link",
          parameters: [idParameter],
          responses: { "200": { description: "Sent" }, "404": { description: "Not in this account", ...json("Error") }, "409": { description: "Already joined", ...json("Error") }, ...errors },
        },
      },
      "/users/{id}": {
        get: { summary: "One user", parameters: [idParameter], responses: { "200": { description: "The user", ...json("User") }, "404": { description: "Not in this account", ...json("Error") }, ...errors } },
        patch: {
          summary: "Change role, licenses or toggles, or deactivate / reactivate",
          parameters: [idParameter],
          requestBody: body("UserChange"),
          responses: { "200": { description: "Changed", ...json("User") }, "400": { description: "A field is not valid", ...json("Error") }, "404": { description: "Not in this account", ...json("Error") }, "409": { description: "Refused or changed meanwhile", ...json("Error") }, ...errors },
        },
        delete: {
          summary: "Remove a user from the account (a pending invitation is revoked)",
          parameters: [idParameter],
          responses: { "204": { description: "Removed" }, "404": { description: "Not in this account", ...json("Error") }, "409": { description: "Refused (the account holder, the last Super User…)", ...json("Error") }, ...errors },
        },
      },
    },
  };
}
