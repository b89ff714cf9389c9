-- Until acceptance an invited row sorts and is searched by what the admin typed
-- (the open invitation's name), never by the person's own name or sign-in time:
-- an invitee who already has a login elsewhere keeps those private.
CREATE OR REPLACE FUNCTION "memberships_copy_sort_keys"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT lower("name"), "email", coalesce("last_sign_in_at", '-infinity')
    INTO NEW."sort_name", NEW."sort_email", NEW."sort_last_sign_in"
    FROM "users" WHERE "id" = NEW."user_id";
  -- Compared as text: migrations run in one transaction, and an enum value
  -- added in it (0005) may not be used as a literal until it commits.
  IF NEW."status"::text = 'invited' THEN
    NEW."sort_last_sign_in" := '-infinity';
    NEW."sort_name" := coalesce(
      (SELECT lower("name") FROM "invitations" WHERE "membership_id" = NEW."id" AND "ended_at" IS NULL),
      NEW."sort_email");
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
DROP TRIGGER "memberships_copy_sort_keys" ON "memberships";
--> statement-breakpoint
-- Also on a status change: accepting turns the invitation's keys into the person's.
CREATE TRIGGER "memberships_copy_sort_keys" BEFORE INSERT OR UPDATE OF "user_id", "status" ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION "memberships_copy_sort_keys"();
--> statement-breakpoint
-- A new link (or a corrected name) re-derives its membership's keys.
CREATE FUNCTION "invitations_refresh_membership_sort_keys"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "memberships" SET "user_id" = "user_id" WHERE "id" = NEW."membership_id" AND "status"::text = 'invited';
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "invitations_refresh_membership_sort_keys" AFTER INSERT OR UPDATE OF "name", "ended_at" ON "invitations"
  FOR EACH ROW EXECUTE FUNCTION "invitations_refresh_membership_sort_keys"();
--> statement-breakpoint
UPDATE "memberships" SET "user_id" = "user_id" WHERE "status"::text = 'invited';
