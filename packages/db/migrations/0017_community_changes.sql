CREATE TABLE "community_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "community_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"province_code" varchar(6) NOT NULL,
	"weight" bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "community_changes_province_idx" ON "community_changes" USING btree ("province_code");--> statement-breakpoint
-- Every statement that changes communities notes the provinces it touched (a TRUNCATE: all of them, as '').
CREATE OR REPLACE FUNCTION shequ_note_community_changes() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO community_changes (province_code) SELECT DISTINCT province_code FROM new_rows;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO community_changes (province_code)
      SELECT province_code FROM new_rows UNION SELECT province_code FROM old_rows;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO community_changes (province_code) SELECT DISTINCT province_code FROM old_rows;
  ELSE
    INSERT INTO community_changes (province_code) VALUES ('');
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER communities_changes_insert AFTER INSERT ON communities
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shequ_note_community_changes();--> statement-breakpoint
CREATE TRIGGER communities_changes_update AFTER UPDATE ON communities
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION shequ_note_community_changes();--> statement-breakpoint
CREATE TRIGGER communities_changes_delete AFTER DELETE ON communities
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION shequ_note_community_changes();--> statement-breakpoint
CREATE TRIGGER communities_changes_truncate AFTER TRUNCATE ON communities
  FOR EACH STATEMENT EXECUTE FUNCTION shequ_note_community_changes();
