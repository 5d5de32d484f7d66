CREATE TABLE "checkpoint_cosignatures" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"checkpoint_id" bigint NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"street_code" varchar(9) NOT NULL,
	"size" integer NOT NULL,
	"root" varchar(64) NOT NULL,
	"at" text NOT NULL,
	"public_key" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "witness_keys" (
	"street_code" varchar(9) NOT NULL,
	"public_key" text NOT NULL,
	"recorded_at" text NOT NULL,
	CONSTRAINT "witness_keys_street_code_public_key_pk" PRIMARY KEY("street_code","public_key")
);
--> statement-breakpoint
CREATE TABLE "witness_refusals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"checkpoint_id" bigint,
	"community_code" varchar(12) NOT NULL,
	"street_code" varchar(9) NOT NULL,
	"size" integer NOT NULL,
	"root" varchar(64) NOT NULL,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"at" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "checkpoints" ADD COLUMN "occasion" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "checkpoint_cosignatures" ADD CONSTRAINT "checkpoint_cosignatures_checkpoint_id_checkpoints_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."checkpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "witness_refusals" ADD CONSTRAINT "witness_refusals_checkpoint_id_checkpoints_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."checkpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "checkpoint_cosignatures_size_idx" ON "checkpoint_cosignatures" USING btree ("street_code","community_code","size");--> statement-breakpoint
CREATE INDEX "checkpoint_cosignatures_community_idx" ON "checkpoint_cosignatures" USING btree ("community_code","id");--> statement-breakpoint
CREATE UNIQUE INDEX "witness_keys_key_idx" ON "witness_keys" USING btree ("public_key");--> statement-breakpoint
CREATE INDEX "witness_refusals_street_idx" ON "witness_refusals" USING btree ("street_code","id");--> statement-breakpoint
-- The custody log and everything kept to check it only grow: no row is changed or removed, by the
-- application or by anyone using its connection. SQLSTATE 42501 (insufficient_privilege) is what a
-- REVOKE gives as well, so callers meet one error for both layers.
CREATE OR REPLACE FUNCTION shequ_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '表 % 只能追加，不能 %', TG_TABLE_NAME, TG_OP
    USING ERRCODE = '42501', HINT = '保管日志、检查点和见证记录一经写入不得修改或删除';
END;
$$;
--> statement-breakpoint
-- A new entry must follow the last one stored: seq one more, prev_hash its hash (the genesis value
-- for seq 1). An insert cannot then splice a forged entry into the chain even through the app's
-- connection; only a superuser who disables the triggers can, and the witnessed checkpoints catch that.
CREATE OR REPLACE FUNCTION shequ_custody_log_link() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  previous_hash varchar(64);
BEGIN
  IF NEW.seq = 1 THEN
    previous_hash := repeat('0', 64);
  ELSE
    SELECT hash INTO previous_hash FROM custody_log
      WHERE community_code = NEW.community_code AND seq = NEW.seq - 1;
  END IF;
  IF previous_hash IS NULL OR previous_hash <> NEW.prev_hash THEN
    RAISE EXCEPTION '保管日志 % 的 seq % 没有接在上一条之后', NEW.community_code, NEW.seq
      USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER custody_log_append_only BEFORE UPDATE OR DELETE ON custody_log
  FOR EACH ROW EXECUTE FUNCTION shequ_refuse_change();
--> statement-breakpoint
CREATE TRIGGER custody_log_no_truncate BEFORE TRUNCATE ON custody_log
  FOR EACH STATEMENT EXECUTE FUNCTION shequ_refuse_change();
--> statement-breakpoint
CREATE TRIGGER custody_log_links BEFORE INSERT ON custody_log
  FOR EACH ROW EXECUTE FUNCTION shequ_custody_log_link();
--> statement-breakpoint
CREATE TRIGGER checkpoints_append_only BEFORE UPDATE OR DELETE ON checkpoints
  FOR EACH ROW EXECUTE FUNCTION shequ_refuse_change();
--> statement-breakpoint
CREATE TRIGGER checkpoints_no_truncate BEFORE TRUNCATE ON checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION shequ_refuse_change();
--> statement-breakpoint
CREATE TRIGGER checkpoint_cosignatures_append_only BEFORE UPDATE OR DELETE ON checkpoint_cosignatures
  FOR EACH ROW EXECUTE FUNCTION shequ_refuse_change();
--> statement-breakpoint
CREATE TRIGGER checkpoint_cosignatures_no_truncate BEFORE TRUNCATE ON checkpoint_cosignatures
  FOR EACH STATEMENT EXECUTE FUNCTION shequ_refuse_change();
--> statement-breakpoint
CREATE TRIGGER witness_keys_append_only BEFORE UPDATE OR DELETE ON witness_keys
  FOR EACH ROW EXECUTE FUNCTION shequ_refuse_change();
--> statement-breakpoint
CREATE TRIGGER witness_keys_no_truncate BEFORE TRUNCATE ON witness_keys
  FOR EACH STATEMENT EXECUTE FUNCTION shequ_refuse_change();
--> statement-breakpoint
CREATE TRIGGER witness_refusals_append_only BEFORE UPDATE OR DELETE ON witness_refusals
  FOR EACH ROW EXECUTE FUNCTION shequ_refuse_change();
--> statement-breakpoint
CREATE TRIGGER witness_refusals_no_truncate BEFORE TRUNCATE ON witness_refusals
  FOR EACH STATEMENT EXECUTE FUNCTION shequ_refuse_change();
