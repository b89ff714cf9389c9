-- Bulk invitations write each row once, in set-based statements. A membership
-- row rewritten costs every one of its indexes again (the sort indexes and
-- the search token index), so an invitation made in bulk inserts its invited
-- membership with the sort name its link will give it (lower(name), else the
-- email), which this function keeps, and the link's insert below then finds
-- nothing to refresh. Everything else is derived here, as before (0006, 0008).
CREATE OR REPLACE FUNCTION "memberships_copy_sort_keys"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  preset text := CASE WHEN TG_OP = 'INSERT' AND NEW."status"::text = 'invited' AND NEW."sort_name" <> '' THEN NEW."sort_name" END;
BEGIN
  SELECT lower("name"), "email", coalesce("last_sign_in_at", '-infinity')
    INTO NEW."sort_name", NEW."sort_email", NEW."sort_last_sign_in"
    FROM "users" WHERE "id" = NEW."user_id";
  IF NEW."status"::text = 'invited' THEN
    NEW."sort_last_sign_in" := '-infinity';
    NEW."sort_name" := coalesce(
      preset,
      (SELECT lower("name") FROM "invitations" WHERE "membership_id" = NEW."id" AND "ended_at" IS NULL),
      NEW."sort_email");
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
-- New links are refreshed once per statement, over all of them (an import
-- inserts a thousand at a time), and only where the membership does not
-- already sort by the link's name (an invitation made in bulk, a resend). A
-- wrong preset shows as a difference here and the keys are derived again.
-- A link renamed or ended stays refreshed row by row: a trigger on given
-- columns cannot see a transition table.
CREATE FUNCTION "invitations_refresh_new_links_sort_keys"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "memberships" m SET "user_id" = m."user_id"
    FROM "new_links" n
    WHERE m."id" = n."membership_id" AND m."status"::text = 'invited'
      AND (n."ended_at" IS NOT NULL OR m."sort_name" IS DISTINCT FROM coalesce(lower(n."name"), m."sort_email"));
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER "invitations_refresh_membership_sort_keys" ON "invitations";
--> statement-breakpoint
CREATE TRIGGER "invitations_refresh_membership_sort_keys" AFTER UPDATE OF "name", "ended_at" ON "invitations"
  FOR EACH ROW EXECUTE FUNCTION "invitations_refresh_membership_sort_keys"();
--> statement-breakpoint
CREATE TRIGGER "invitations_refresh_new_links_sort_keys" AFTER INSERT ON "invitations"
  REFERENCING NEW TABLE AS "new_links" FOR EACH STATEMENT EXECUTE FUNCTION "invitations_refresh_new_links_sort_keys"();
--> statement-breakpoint
-- New memberships' licenses are checked once per statement too, in one join
-- with their accounts; a change of licenses or account stays checked row by
-- row (migration 0000).
CREATE FUNCTION "memberships_new_licenses_within_products"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "new_memberships" n JOIN "accounts" a ON a."id" = n."account_id" WHERE NOT (n."licenses" <@ a."products")) THEN
    RAISE EXCEPTION 'a license must be one of the account''s products' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER "memberships_licenses_within_products" ON "memberships";
--> statement-breakpoint
CREATE TRIGGER "memberships_licenses_within_products" BEFORE UPDATE OF "licenses", "account_id" ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION "memberships_licenses_within_products"();
--> statement-breakpoint
CREATE TRIGGER "memberships_new_licenses_within_products" AFTER INSERT ON "memberships"
  REFERENCING NEW TABLE AS "new_memberships" FOR EACH STATEMENT EXECUTE FUNCTION "memberships_new_licenses_within_products"();
