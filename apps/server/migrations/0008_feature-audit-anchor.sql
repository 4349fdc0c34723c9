CREATE SEQUENCE "public"."audit_log_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "audit_checkpoints" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"head_hash" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"hash_alg" text NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "seq" SET DEFAULT nextval('audit_log_seq');--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash_alg" text DEFAULT 'sha256' NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_log_unsealed_idx" ON "audit_log" USING btree ("seq") WHERE hash is null;--> statement-breakpoint
-- feature-audit-anchor:custom begin
-- Rows already chained keep their numbers; new ones continue after them.
SELECT setval('audit_log_seq', coalesce((SELECT max(seq) FROM audit_log), 0) + 1, false);
--> statement-breakpoint
-- Append-only still, with one exception: sealing, which fills prev_hash, hash and hash_alg of a
-- row that has no hash yet and changes nothing else. A sealed row can never change again.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'audit_log' AND TG_OP = 'UPDATE' THEN
    IF OLD.hash IS NULL AND NEW.hash IS NOT NULL AND NEW.prev_hash IS NOT NULL
      AND (NEW.seq, NEW.at, NEW.actor_id, NEW.actor_name, NEW.action, NEW.target_type, NEW.target_id,
           NEW.outcome, NEW.detail, NEW.client_ip, NEW.region_code)
        IS NOT DISTINCT FROM
          (OLD.seq, OLD.at, OLD.actor_id, OLD.actor_name, OLD.action, OLD.target_type, OLD.target_id,
           OLD.outcome, OLD.detail, OLD.client_ip, OLD.region_code) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_change BEFORE UPDATE OR DELETE ON audit_checkpoints FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
-- feature-audit-anchor:custom end
