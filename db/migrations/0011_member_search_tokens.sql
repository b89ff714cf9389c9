-- The users search moves from one trigram index over every person to one per
-- account: a membership's trigrams, each hashed with its account id, so a
-- lookup in a big account reads only that account's postings, and a common
-- trigram in other accounts costs it nothing. Only pg_catalog functions in the
-- body: a restore runs it with an empty search_path (show_trgm, from pg_trgm,
-- stays in the index expression, which is dumped schema-qualified).
CREATE FUNCTION "member_search_hash"("account" uuid, "trigrams" text[]) RETURNS int4[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT array(SELECT (hashtextextended(t, hashtextextended(account::text, 0)) >> 32)::int4 FROM unnest(trigrams) t)
$$;
--> statement-breakpoint
DROP INDEX "users_search_trgm_idx";--> statement-breakpoint
CREATE INDEX "memberships_search_tokens_idx" ON "memberships" USING gin (member_search_hash("account_id", show_trgm("sort_email" || ' ' || substr("sort_name", 2))));--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "search_text";
