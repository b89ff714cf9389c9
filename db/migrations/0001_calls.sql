CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"caller_number" text NOT NULL,
	"duration_seconds" integer NOT NULL,
	"campaign" text NOT NULL,
	"marketing_data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"signal_results" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "calls_account_started_idx" ON "calls" USING btree ("account_id","started_at" DESC NULLS LAST,"id" DESC NULLS LAST);