-- Every distinct two-character piece of the lower-cased text, for searching Chinese names by
-- two-character words (a trigram index needs three). IMMUTABLE so a generated column may use it.
CREATE FUNCTION qd_bigrams(input text) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT substr(lower(input), i, 2)), '{}'::text[])
  FROM generate_series(1, char_length(input) - 1) AS i
$$;
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "name_bigrams" text[] GENERATED ALWAYS AS (qd_bigrams(name)) STORED;--> statement-breakpoint
CREATE INDEX "organizations_name_bigrams_idx" ON "organizations" USING gin ("name_bigrams");