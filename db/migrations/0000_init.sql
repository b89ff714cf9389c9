CREATE TYPE "public"."account_type" AS ENUM('network', 'advertiser', 'publisher', 'profile');--> statement-breakpoint
CREATE TYPE "public"."membership_status" AS ENUM('active', 'deactivated');--> statement-breakpoint
CREATE TYPE "public"."password_token_purpose" AS ENUM('set_password', 'reset_password');--> statement-breakpoint
CREATE TYPE "public"."product" AS ENUM('marketing', 'contact_center');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('filtered_reporting', 'reporting', 'observer', 'member', 'manager', 'super_user');--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"session_version" integer DEFAULT 1 NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_normalized" CHECK ("users"."email" = lower(btrim("users"."email")))
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"type" "account_type" NOT NULL,
	"parent_id" uuid,
	"products" "product"[] NOT NULL,
	"holder_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_slug_format" CHECK ("accounts"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length("accounts"."slug") <= 63),
	CONSTRAINT "accounts_has_product" CHECK (cardinality("accounts"."products") >= 1),
	CONSTRAINT "accounts_tree_shape" CHECK (("accounts"."type" = 'network' and "accounts"."parent_id" is null) or ("accounts"."type" <> 'network' and "accounts"."parent_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"licenses" "product"[] NOT NULL,
	"overrides" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"data_filter" jsonb,
	"status" "membership_status" DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_has_license" CHECK (cardinality("memberships"."licenses") >= 1)
);
--> statement-breakpoint
CREATE TABLE "password_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"purpose" "password_token_purpose" NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_parent_id_accounts_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_holder_user_id_users_id_fk" FOREIGN KEY ("holder_user_id") REFERENCES "public"."users"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "password_tokens" ADD CONSTRAINT "password_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_slug_key" ON "accounts" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "accounts_children_by_name_idx" ON "accounts" USING btree ("parent_id","type",lower("name") collate "C","id");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_user_account_key" ON "memberships" USING btree ("user_id","account_id");--> statement-breakpoint
CREATE INDEX "memberships_account_idx" ON "memberships" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "password_tokens_hash_key" ON "password_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "password_tokens_user_idx" ON "password_tokens" USING btree ("user_id");--> statement-breakpoint
-- The tree has two levels: an account's parent is always a network account,
-- and a network that has accounts under it stays a network.
CREATE FUNCTION "accounts_enforce_tree"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."parent_id" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "accounts" WHERE "id" = NEW."parent_id" AND "type" = 'network'
  ) THEN
    RAISE EXCEPTION 'the parent of an account must be a network account' USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD."type" = 'network' AND NEW."type" <> 'network'
     AND EXISTS (SELECT 1 FROM "accounts" WHERE "parent_id" = NEW."id") THEN
    RAISE EXCEPTION 'a network with accounts under it must stay a network' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "accounts_enforce_tree" BEFORE INSERT OR UPDATE OF "parent_id", "type" ON "accounts"
  FOR EACH ROW EXECUTE FUNCTION "accounts_enforce_tree"();
--> statement-breakpoint
-- A license can only be one of the account's products.
CREATE FUNCTION "memberships_licenses_within_products"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT (NEW."licenses" <@ (SELECT "products" FROM "accounts" WHERE "id" = NEW."account_id")) THEN
    RAISE EXCEPTION 'a license must be one of the account''s products' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "memberships_licenses_within_products" BEFORE INSERT OR UPDATE OF "licenses", "account_id" ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION "memberships_licenses_within_products"();
