ALTER TABLE "invitations" ADD COLUMN "name" text;--> statement-breakpoint
-- Invitations sent before this column: a person who never set a password is known only by the name the admin typed.
UPDATE "invitations" SET "name" = "users"."name"
  FROM "memberships" JOIN "users" ON "users"."id" = "memberships"."user_id"
  WHERE "memberships"."id" = "invitations"."membership_id" AND "users"."password_hash" IS NULL AND "invitations"."name" IS NULL;
