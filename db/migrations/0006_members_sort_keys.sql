ALTER TABLE "memberships" ADD COLUMN "sort_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "sort_email" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "sort_last_sign_in" timestamp with time zone DEFAULT '-infinity' NOT NULL;--> statement-breakpoint
-- The trigger "memberships_copy_sort_keys" below is the one place that derives
-- the sort keys: existing rows get them the way every later change does.
CREATE FUNCTION "memberships_copy_sort_keys"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT lower("name"), "email", coalesce("last_sign_in_at", '-infinity')
    INTO NEW."sort_name", NEW."sort_email", NEW."sort_last_sign_in"
    FROM "users" WHERE "id" = NEW."user_id";
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "memberships_copy_sort_keys" BEFORE INSERT OR UPDATE OF "user_id" ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION "memberships_copy_sort_keys"();
--> statement-breakpoint
-- Backfilled before the indexes exist, so they are built once.
UPDATE "memberships" SET "user_id" = "user_id";
--> statement-breakpoint
CREATE INDEX "memberships_account_name_idx" ON "memberships" USING btree ("account_id","sort_name" collate "C","id","sort_email");--> statement-breakpoint
CREATE INDEX "memberships_account_email_idx" ON "memberships" USING btree ("account_id","sort_email" collate "C","id","sort_name");--> statement-breakpoint
CREATE INDEX "memberships_account_role_idx" ON "memberships" USING btree ("account_id","role","id","sort_name","sort_email");--> statement-breakpoint
CREATE INDEX "memberships_account_last_sign_in_idx" ON "memberships" USING btree ("account_id","sort_last_sign_in","id","sort_name","sort_email");--> statement-breakpoint
CREATE INDEX "memberships_account_pending_idx" ON "memberships" USING btree ("account_id","status") WHERE "memberships"."status" <> 'active';--> statement-breakpoint
-- A person's new name, email or sign-in time reaches all their memberships.
-- Setting user_id to itself fires "memberships_copy_sort_keys" for each of them.
CREATE FUNCTION "users_refresh_membership_sort_keys"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "memberships" SET "user_id" = "user_id" WHERE "user_id" = NEW."id";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "users_refresh_membership_sort_keys" AFTER UPDATE OF "name", "email", "last_sign_in_at" ON "users"
  FOR EACH ROW
  WHEN (OLD."name" IS DISTINCT FROM NEW."name" OR OLD."email" IS DISTINCT FROM NEW."email"
        OR OLD."last_sign_in_at" IS DISTINCT FROM NEW."last_sign_in_at")
  EXECUTE FUNCTION "users_refresh_membership_sort_keys"();
