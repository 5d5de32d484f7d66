CREATE TABLE "archive_destructions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"item_id" uuid NOT NULL,
	"reference_code" text NOT NULL,
	"title" text NOT NULL,
	"retention" text NOT NULL,
	"expires_on" date NOT NULL,
	"decision_number" text NOT NULL,
	"decided_on" date NOT NULL,
	"opinion" text NOT NULL,
	"approved_by" jsonb NOT NULL,
	"state" text NOT NULL,
	"appraised_by" uuid NOT NULL,
	"destroyed_on" date,
	"destroyed_by" uuid,
	"method" text
);
--> statement-breakpoint
CREATE TABLE "archive_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"street_code" varchar(9) NOT NULL,
	"reference_code" text NOT NULL,
	"fonds" varchar(10) NOT NULL,
	"category" varchar(2) NOT NULL,
	"year" integer NOT NULL,
	"organisation" varchar(6),
	"item_number" integer NOT NULL,
	"document_number" text,
	"issuer" text NOT NULL,
	"title" text NOT NULL,
	"date" date NOT NULL,
	"classification" text DEFAULT 'none' NOT NULL,
	"pages" integer,
	"notes" text,
	"medium" text NOT NULL,
	"content_group" text NOT NULL,
	"retention" text NOT NULL,
	"expires_on" date,
	"custodian_id" uuid NOT NULL,
	"location_room" text,
	"location_cabinet" text,
	"location_shelf" text,
	"status" text DEFAULT 'shelved' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "archive_loans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"street_code" varchar(9) NOT NULL,
	"item_id" uuid NOT NULL,
	"borrower" text NOT NULL,
	"borrower_id" uuid,
	"purpose" text,
	"lent_on" date NOT NULL,
	"due_on" date NOT NULL,
	"returned_on" date,
	"lent_by" uuid NOT NULL,
	"received_by" uuid
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"item_id" uuid,
	"seal_id" uuid,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"last_checked_at" timestamp with time zone,
	"last_check_ok" boolean
);
--> statement-breakpoint
CREATE TABLE "checkpoints" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"size" integer NOT NULL,
	"root" varchar(64) NOT NULL,
	"at" text NOT NULL,
	"public_key" text NOT NULL,
	"signature" text NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "custody_heads" (
	"community_code" varchar(12) PRIMARY KEY NOT NULL,
	"seq" integer NOT NULL,
	"hash" varchar(64) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "custody_log" (
	"community_code" varchar(12) NOT NULL,
	"seq" integer NOT NULL,
	"at" text NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"payload" jsonb NOT NULL,
	"prev_hash" varchar(64) NOT NULL,
	"hash" varchar(64) NOT NULL,
	CONSTRAINT "custody_log_community_code_seq_pk" PRIMARY KEY("community_code","seq")
);
--> statement-breakpoint
CREATE TABLE "fixity_checks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"attachment_id" uuid NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"checked_by" uuid NOT NULL,
	"expected_sha256" varchar(64) NOT NULL,
	"actual_sha256" varchar(64),
	"ok" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handover_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"handover_id" uuid NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"kind" text NOT NULL,
	"ref_id" uuid,
	"ref" text NOT NULL,
	"description" text NOT NULL,
	"condition" text DEFAULT 'intact' NOT NULL,
	"note" text,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handovers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"street_code" varchar(9) NOT NULL,
	"leaver_id" uuid NOT NULL,
	"successor_id" uuid NOT NULL,
	"supervisor_id" uuid NOT NULL,
	"supervisor_body" text NOT NULL,
	"due_on" date NOT NULL,
	"state" text NOT NULL,
	"leaver_confirmed_on" date,
	"successor_confirmed_on" date,
	"supervisor_confirmed_on" date,
	"serious" boolean DEFAULT false NOT NULL,
	"consequences" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seal_approvers" (
	"seal_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"community_code" varchar(12) NOT NULL,
	CONSTRAINT "seal_approvers_seal_id_user_id_pk" PRIMARY KEY("seal_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "seal_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"street_code" varchar(9) NOT NULL,
	"seal_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"purpose" text NOT NULL,
	"document" text,
	"copies" integer,
	"destination" text,
	"return_by" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"refusal_reason" text,
	"stamped_by" uuid,
	"stamped_at" timestamp with time zone,
	"copies_stamped" integer,
	"taken_out_at" timestamp with time zone,
	"returned_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "seals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"street_code" varchar(9) NOT NULL,
	"name" text NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_name" text NOT NULL,
	"impression_sha256" varchar(64),
	"custodian_id" uuid NOT NULL,
	"storage_place" text NOT NULL,
	"state" text DEFAULT 'inUse' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "archive_destructions" ADD CONSTRAINT "archive_destructions_item_id_archive_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."archive_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "archive_loans" ADD CONSTRAINT "archive_loans_item_id_archive_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."archive_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_item_id_archive_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."archive_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fixity_checks" ADD CONSTRAINT "fixity_checks_attachment_id_attachments_id_fk" FOREIGN KEY ("attachment_id") REFERENCES "public"."attachments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handover_items" ADD CONSTRAINT "handover_items_handover_id_handovers_id_fk" FOREIGN KEY ("handover_id") REFERENCES "public"."handovers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_approvers" ADD CONSTRAINT "seal_approvers_seal_id_seals_id_fk" FOREIGN KEY ("seal_id") REFERENCES "public"."seals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seal_requests" ADD CONSTRAINT "seal_requests_seal_id_seals_id_fk" FOREIGN KEY ("seal_id") REFERENCES "public"."seals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "archive_destructions_community_idx" ON "archive_destructions" USING btree ("community_code","state","decided_on");--> statement-breakpoint
CREATE UNIQUE INDEX "archive_destructions_item_idx" ON "archive_destructions" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "archive_items_reference_idx" ON "archive_items" USING btree ("community_code","reference_code");--> statement-breakpoint
CREATE INDEX "archive_items_community_medium_idx" ON "archive_items" USING btree ("community_code","medium","status","reference_code");--> statement-breakpoint
CREATE INDEX "archive_items_community_group_idx" ON "archive_items" USING btree ("community_code","content_group","reference_code");--> statement-breakpoint
CREATE INDEX "archive_items_community_status_idx" ON "archive_items" USING btree ("community_code","status","expires_on");--> statement-breakpoint
CREATE INDEX "archive_items_series_idx" ON "archive_items" USING btree ("community_code","fonds","category","year","item_number");--> statement-breakpoint
CREATE INDEX "archive_items_custodian_idx" ON "archive_items" USING btree ("custodian_id","status");--> statement-breakpoint
CREATE INDEX "archive_items_street_idx" ON "archive_items" USING btree ("street_code","community_code");--> statement-breakpoint
CREATE UNIQUE INDEX "archive_loans_open_idx" ON "archive_loans" USING btree ("item_id") WHERE "archive_loans"."returned_on" is null;--> statement-breakpoint
CREATE INDEX "archive_loans_due_idx" ON "archive_loans" USING btree ("community_code","due_on") WHERE "archive_loans"."returned_on" is null;--> statement-breakpoint
CREATE INDEX "archive_loans_street_due_idx" ON "archive_loans" USING btree ("street_code","due_on") WHERE "archive_loans"."returned_on" is null;--> statement-breakpoint
CREATE INDEX "archive_loans_item_idx" ON "archive_loans" USING btree ("item_id","lent_on");--> statement-breakpoint
CREATE INDEX "attachments_item_idx" ON "attachments" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "attachments_seal_idx" ON "attachments" USING btree ("seal_id");--> statement-breakpoint
CREATE INDEX "attachments_community_checked_idx" ON "attachments" USING btree ("community_code","last_checked_at");--> statement-breakpoint
CREATE INDEX "checkpoints_community_idx" ON "checkpoints" USING btree ("community_code","id");--> statement-breakpoint
CREATE INDEX "custody_log_action_idx" ON "custody_log" USING btree ("community_code","action","seq");--> statement-breakpoint
CREATE INDEX "fixity_checks_attachment_idx" ON "fixity_checks" USING btree ("attachment_id","checked_at");--> statement-breakpoint
CREATE INDEX "handover_items_handover_idx" ON "handover_items" USING btree ("handover_id","position");--> statement-breakpoint
CREATE INDEX "handovers_community_idx" ON "handovers" USING btree ("community_code","state","created_at");--> statement-breakpoint
CREATE INDEX "handovers_street_idx" ON "handovers" USING btree ("street_code","state");--> statement-breakpoint
CREATE INDEX "handovers_leaver_idx" ON "handovers" USING btree ("leaver_id");--> statement-breakpoint
CREATE UNIQUE INDEX "handovers_open_leaver_idx" ON "handovers" USING btree ("community_code","leaver_id") WHERE "handovers"."state" = 'open';--> statement-breakpoint
CREATE INDEX "seal_approvers_user_idx" ON "seal_approvers" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "seal_requests_one_out_idx" ON "seal_requests" USING btree ("seal_id") WHERE "seal_requests"."state" = 'out';--> statement-breakpoint
CREATE INDEX "seal_requests_seal_idx" ON "seal_requests" USING btree ("seal_id","requested_at");--> statement-breakpoint
CREATE INDEX "seal_requests_waiting_idx" ON "seal_requests" USING btree ("community_code","state","requested_at");--> statement-breakpoint
CREATE INDEX "seal_requests_requester_idx" ON "seal_requests" USING btree ("requested_by","requested_at");--> statement-breakpoint
CREATE INDEX "seal_requests_out_due_idx" ON "seal_requests" USING btree ("street_code","return_by") WHERE "seal_requests"."state" = 'out';--> statement-breakpoint
CREATE UNIQUE INDEX "seals_community_name_idx" ON "seals" USING btree ("community_code","name");--> statement-breakpoint
CREATE INDEX "seals_custodian_idx" ON "seals" USING btree ("custodian_id","state");--> statement-breakpoint
CREATE INDEX "seals_street_state_idx" ON "seals" USING btree ("street_code","state");