-- An upload's rows move from a table row each (bulk_import_rows) to blocks
-- of rows (bulk_import_blocks, db/schema/bulk-imports.ts): storing a row,
-- reading it back and writing its result cost about as much as inserting a
-- membership, and the apply job only ever takes a whole chunk of them.
-- No apply job of the version before may record a chunk while the rows move.
LOCK TABLE "bulk_imports", "bulk_import_rows" IN EXCLUSIVE MODE;
--> statement-breakpoint
CREATE TABLE "bulk_import_blocks" (
	"import_id" uuid NOT NULL,
	"block" integer NOT NULL,
	"row_count" integer NOT NULL,
	"rows" text NOT NULL,
	"results" jsonb,
	CONSTRAINT "bulk_import_blocks_import_id_block_pk" PRIMARY KEY("import_id","block")
);
--> statement-breakpoint
ALTER TABLE "bulk_import_blocks" ADD CONSTRAINT "bulk_import_blocks_import_id_bulk_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."bulk_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_imports" ADD COLUMN "has_delete_column" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "bulk_imports" i SET "has_delete_column" = true
  WHERE EXISTS (SELECT 1 FROM "bulk_import_rows" r WHERE r."import_id" = i."id" AND r."delete_cell" <> '');
--> statement-breakpoint
-- Existing imports keep their rows, in blocks of 2,000 (the apply job's
-- chunk so far). An import underway had applied its first rows, in order, each with
-- a result: those fill blocks of their own, and the rows still waiting start
-- a new block, so a block is either applied whole or not at all.
INSERT INTO "bulk_import_blocks" ("import_id", "block", "row_count", "rows", "results")
SELECT "import_id", "block", count(*),
  json_agg(json_build_object(
    'rowNumber', "row_number", 'email', "email", 'role', "role", 'name', "name", 'license', "license",
    'deleteCell', "delete_cell", 'plan', "plan", 'planErrors', to_json("plan_errors"),
    'membershipId', "membership_id", 'membershipVersion', "membership_version") ORDER BY "row_number")::text,
  CASE WHEN bool_and("result" IS NOT NULL)
    THEN jsonb_agg(jsonb_strip_nulls(jsonb_build_object('result', "result", 'error', "error")) ORDER BY "row_number") END
FROM (
  SELECT r.*,
    CASE WHEN r."result" IS NULL THEN ceil(r."applied" / 2000.0)::int + r."n" / 2000 ELSE r."n" / 2000 END AS "block"
  FROM (
    SELECT *,
      (row_number() OVER (PARTITION BY "import_id", "result" IS NULL ORDER BY "row_number") - 1)::int AS "n",
      count(*) FILTER (WHERE "result" IS NOT NULL) OVER (PARTITION BY "import_id") AS "applied"
    FROM "bulk_import_rows"
  ) r
) b
GROUP BY "import_id", "block";
--> statement-breakpoint
DROP TABLE "bulk_import_rows" CASCADE;--> statement-breakpoint
DROP TYPE "public"."import_row_plan";--> statement-breakpoint
DROP TYPE "public"."import_row_result";
