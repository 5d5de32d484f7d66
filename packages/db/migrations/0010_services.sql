CREATE TABLE "service_cases" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"street_code" varchar(9) NOT NULL,
	"category" text NOT NULL,
	"status" text NOT NULL,
	"priority" boolean DEFAULT false NOT NULL,
	"first_responder_id" text NOT NULL,
	"handler_id" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"received_on" date NOT NULL,
	"promised_on" date NOT NULL,
	"closed_on" date,
	"record" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_feedback" (
	"case_id" text PRIMARY KEY NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"token_hash" varchar(64) NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_on" date,
	"score" smallint,
	"comment" text,
	CONSTRAINT "service_feedback_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "service_feedback_score_range" CHECK ("service_feedback"."score" is null or "service_feedback"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "service_points_ledger" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"volunteer_id" text NOT NULL,
	"kind" text NOT NULL,
	"points" integer NOT NULL,
	"minutes" integer DEFAULT 0 NOT NULL,
	"balance" integer NOT NULL,
	"reason" text NOT NULL,
	"on" date NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_visit_targets" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"kind" text NOT NULL,
	"since" date NOT NULL,
	"until" date,
	"record" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_visits" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"target_id" text NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"on" date NOT NULL,
	"by_user_id" text NOT NULL,
	"by_name" text NOT NULL,
	"summary" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_volunteers" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"name" text NOT NULL,
	"record" jsonb NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"banked_minutes" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_volunteers_points_not_negative" CHECK ("service_volunteers"."points" >= 0)
);
--> statement-breakpoint
ALTER TABLE "service_feedback" ADD CONSTRAINT "service_feedback_case_id_service_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."service_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_points_ledger" ADD CONSTRAINT "service_points_ledger_volunteer_id_service_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."service_volunteers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_visits" ADD CONSTRAINT "service_visits_target_id_service_visit_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."service_visit_targets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_cases_community_open_idx" ON "service_cases" USING btree ("community_code","promised_on") WHERE "service_cases"."closed_on" is null;--> statement-breakpoint
CREATE INDEX "service_cases_street_open_idx" ON "service_cases" USING btree ("street_code","promised_on") WHERE "service_cases"."closed_on" is null;--> statement-breakpoint
CREATE INDEX "service_cases_responder_open_idx" ON "service_cases" USING btree ("first_responder_id","promised_on") WHERE "service_cases"."closed_on" is null;--> statement-breakpoint
CREATE INDEX "service_cases_handler_open_idx" ON "service_cases" USING btree ("handler_id","promised_on") WHERE "service_cases"."closed_on" is null;--> statement-breakpoint
CREATE INDEX "service_cases_community_received_idx" ON "service_cases" USING btree ("community_code","received_at");--> statement-breakpoint
CREATE INDEX "service_cases_community_category_closed_idx" ON "service_cases" USING btree ("community_code","category","closed_on");--> statement-breakpoint
CREATE INDEX "service_feedback_community_answered_idx" ON "service_feedback" USING btree ("community_code","answered_on");--> statement-breakpoint
CREATE INDEX "service_points_ledger_volunteer_idx" ON "service_points_ledger" USING btree ("volunteer_id","at");--> statement-breakpoint
CREATE INDEX "service_visit_targets_community_idx" ON "service_visit_targets" USING btree ("community_code","until");--> statement-breakpoint
CREATE INDEX "service_visits_community_on_idx" ON "service_visits" USING btree ("community_code","on");--> statement-breakpoint
CREATE INDEX "service_visits_target_on_idx" ON "service_visits" USING btree ("target_id","on");--> statement-breakpoint
CREATE INDEX "service_volunteers_community_idx" ON "service_volunteers" USING btree ("community_code");