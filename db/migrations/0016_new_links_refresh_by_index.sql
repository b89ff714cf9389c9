-- The refresh of new links' sort keys (0013) joined the links to memberships
-- by a hash join over every membership, so each thousand-row chunk of an
-- import read the whole table again, slower as the account grew. Here each
-- new link looks its membership up by primary key (a scalar subquery is
-- never pulled up into a join), and only the memberships that need it are
-- updated, again by primary key. What it refreshes is unchanged.
CREATE OR REPLACE FUNCTION "invitations_refresh_new_links_sort_keys"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "memberships" m SET "user_id" = m."user_id"
    WHERE m."status"::text = 'invited'
      AND m."id" = ANY (ARRAY(
        SELECT n."membership_id" FROM "new_links" n
          WHERE n."ended_at" IS NOT NULL
             OR (SELECT c."sort_name" IS DISTINCT FROM coalesce(lower(n."name"), c."sort_email")
                   FROM "memberships" c WHERE c."id" = n."membership_id")));
  RETURN NULL;
END $$;
