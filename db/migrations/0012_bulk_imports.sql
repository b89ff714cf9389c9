CREATE TYPE "public"."bulk_import_status" AS ENUM('previewed', 'queued', 'running', 'finished', 'failed');--> statement-breakpoint
CREATE TYPE "public"."import_row_plan" AS ENUM('create', 'update', 'delete', 'unchanged', 'error');--> statement-breakpoint
CREATE TYPE "public"."import_row_result" AS ENUM('invited', 'changed', 'deleted', 'unchanged', 'error');--> statement-breakpoint
CREATE TABLE "bulk_import_rows" (
	"import_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"license" text NOT NULL,
	"delete_cell" text NOT NULL,
	"plan" "import_row_plan" NOT NULL,
	"plan_errors" text[] DEFAULT '{}' NOT NULL,
	"membership_id" uuid,
	"membership_version" integer,
	"result" "import_row_result",
	"error" text,
	CONSTRAINT "bulk_import_rows_import_id_row_number_pk" PRIMARY KEY("import_id","row_number")
);
--> statement-breakpoint
CREATE TABLE "bulk_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"uploaded_by_user_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"status" "bulk_import_status" DEFAULT 'previewed' NOT NULL,
	"total_rows" integer NOT NULL,
	"done_rows" integer DEFAULT 0 NOT NULL,
	"delete_rows" integer DEFAULT 0 NOT NULL,
	"failure" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"applied_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "bulk_imports_done_within_total" CHECK ("bulk_imports"."done_rows" between 0 and "bulk_imports"."total_rows")
);
--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "props" jsonb;--> statement-breakpoint
ALTER TABLE "bulk_import_rows" ADD CONSTRAINT "bulk_import_rows_import_id_bulk_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."bulk_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_imports" ADD CONSTRAINT "bulk_imports_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_imports" ADD CONSTRAINT "bulk_imports_uploaded_by_user_id_users_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bulk_import_rows_pending_idx" ON "bulk_import_rows" USING btree ("import_id","row_number") WHERE "bulk_import_rows"."result" is null;--> statement-breakpoint
CREATE INDEX "bulk_imports_account_created_idx" ON "bulk_imports" USING btree ("account_id","created_at" DESC NULLS LAST);