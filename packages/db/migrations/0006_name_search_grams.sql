-- Every one- and two-character piece of a lower-cased name, for searching names from an index.
CREATE OR REPLACE FUNCTION shequ_name_grams(name text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(DISTINCT substr(lower(name), position, width)), '{}')
  FROM generate_series(1, char_length(name)) AS position, (VALUES (1), (2)) AS widths(width)
  WHERE position + width - 1 <= char_length(name)
$$;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "name_grams" text[] GENERATED ALWAYS AS (shequ_name_grams(name)) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "communities_name_grams_idx" ON "communities" USING gin ("name_grams");