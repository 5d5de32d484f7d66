CREATE TABLE "seal_end_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"street_code" varchar(9) NOT NULL,
	"seal_id" uuid NOT NULL,
	"type" text NOT NULL,
	"state" text NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"approved_by" uuid NOT NULL,
	"reason" text NOT NULL,
	"decided_at" timestamp with time zone,
	"decline_reason" text
);
--> statement-breakpoint
ALTER TABLE "seal_end_proposals" ADD CONSTRAINT "seal_end_proposals_seal_id_seals_id_fk" FOREIGN KEY ("seal_id") REFERENCES "public"."seals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "seal_end_proposals_one_pending_idx" ON "seal_end_proposals" USING btree ("seal_id") WHERE "seal_end_proposals"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "seal_end_proposals_approver_pending_idx" ON "seal_end_proposals" USING btree ("approved_by","proposed_at") WHERE "seal_end_proposals"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "seal_end_proposals_proposer_idx" ON "seal_end_proposals" USING btree ("proposed_by","proposed_at");--> statement-breakpoint
CREATE INDEX "seal_end_proposals_seal_idx" ON "seal_end_proposals" USING btree ("seal_id","proposed_at");