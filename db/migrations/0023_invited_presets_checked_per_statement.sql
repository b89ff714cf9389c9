-- An invitation made in bulk (lib/invitations/invite-members-in-bulk.ts) now
-- presets every sort key of its invited membership: the sort name its link
-- gives it (0013) and the person's email, read in the same statement. The
-- row trigger that derives the keys looks the person up once a row, about a
-- fifth of what inserting a membership costs, so it no longer fires for an
-- inserted invited row that comes with both keys. Those rows are checked per
-- statement instead, in one pass over the new rows: one whose email key is
-- not its person's email, or that sorts by a sign-in, has its keys derived
-- again (setting user_id to itself fires the update trigger). Sort names are
-- still checked against the links by their own statement trigger (0016).
-- Every other insert, and every change of person or status, derives the keys
-- row by row as before (0006, 0008, 0013). The status is compared as text, as
-- in those: 'invited' joined the enum in the transaction that migrates a new
-- database, and cannot be used as a value of it before that commits.
DROP TRIGGER "memberships_copy_sort_keys" ON "memberships";
--> statement-breakpoint
CREATE TRIGGER "memberships_copy_sort_keys" BEFORE UPDATE OF "user_id", "status" ON "memberships"
  FOR EACH ROW EXECUTE FUNCTION "memberships_copy_sort_keys"();
--> statement-breakpoint
CREATE TRIGGER "memberships_derive_new_sort_keys" BEFORE INSERT ON "memberships"
  FOR EACH ROW WHEN (NOT (NEW."status"::text = 'invited' AND NEW."sort_name" <> '' AND NEW."sort_email" <> ''))
  EXECUTE FUNCTION "memberships_copy_sort_keys"();
--> statement-breakpoint
-- The new memberships' statement check (0013): licenses within the account's
-- products, and now the preset keys. Each person is looked up by primary key
-- (a scalar subquery is never pulled up into a join over every user, 0016).
CREATE FUNCTION "memberships_check_new_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "new_memberships" n JOIN "accounts" a ON a."id" = n."account_id" WHERE NOT (n."licenses" <@ a."products")) THEN
    RAISE EXCEPTION 'a license must be one of the account''s products' USING ERRCODE = 'check_violation';
  END IF;
  UPDATE "memberships" m SET "user_id" = m."user_id"
    WHERE m."id" = ANY (ARRAY(
      SELECT n."id" FROM "new_memberships" n
        WHERE n."status"::text = 'invited'
          AND (n."sort_last_sign_in" <> '-infinity'
               OR n."sort_email" IS DISTINCT FROM (SELECT u."email" FROM "users" u WHERE u."id" = n."user_id"))));
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER "memberships_new_licenses_within_products" ON "memberships";
--> statement-breakpoint
DROP FUNCTION "memberships_new_licenses_within_products"();
--> statement-breakpoint
CREATE TRIGGER "memberships_check_new_rows" AFTER INSERT ON "memberships"
  REFERENCING NEW TABLE AS "new_memberships" FOR EACH STATEMENT EXECUTE FUNCTION "memberships_check_new_rows"();
