CREATE TABLE "work_admissions" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"street_code" varchar(9) NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"applied_on" date NOT NULL,
	"decided_on" date,
	"funding_fen" bigint,
	"record" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_admissions_approved_with_funding" CHECK ("work_admissions"."status" <> 'approved' or ("work_admissions"."funding_fen" is not null and "work_admissions"."funding_fen" > 0)),
	CONSTRAINT "work_admissions_decided_dated" CHECK (("work_admissions"."status" = 'pending') = ("work_admissions"."decided_on" is null))
);
--> statement-breakpoint
CREATE TABLE "work_burdens" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"street_code" varchar(9) NOT NULL,
	"kind" text NOT NULL,
	"imposed_on" date NOT NULL,
	"ended_on" date,
	"record" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_burdens_dates_in_order" CHECK ("work_burdens"."ended_on" is null or "work_burdens"."ended_on" >= "work_burdens"."imposed_on")
);
--> statement-breakpoint
CREATE TABLE "work_list_versions" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"jurisdiction_code" varchar(12) NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"effective_from" date NOT NULL,
	"effective_until" date,
	"record" jsonb NOT NULL,
	"saved_by_user_id" text,
	"saved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "work_list_versions_dates_in_order" CHECK ("work_list_versions"."effective_until" is null or "work_list_versions"."effective_until" >= "work_list_versions"."effective_from")
);
--> statement-breakpoint
CREATE INDEX "work_admissions_street_idx" ON "work_admissions" USING btree ("street_code","applied_on");--> statement-breakpoint
CREATE INDEX "work_burdens_community_idx" ON "work_burdens" USING btree ("community_code","imposed_on");--> statement-breakpoint
CREATE INDEX "work_burdens_street_idx" ON "work_burdens" USING btree ("street_code","imposed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "work_list_versions_number_idx" ON "work_list_versions" USING btree ("jurisdiction_code","kind","version");--> statement-breakpoint
CREATE UNIQUE INDEX "work_list_versions_effective_idx" ON "work_list_versions" USING btree ("jurisdiction_code","kind","effective_from");