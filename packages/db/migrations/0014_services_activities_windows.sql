CREATE TABLE "service_activities" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"on" date NOT NULL,
	"record" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_activity_sign_ups" (
	"activity_id" text NOT NULL,
	"volunteer_id" text NOT NULL,
	"signed_up_at" timestamp with time zone NOT NULL,
	"minutes" integer,
	"points" integer,
	"hours_at" timestamp with time zone,
	CONSTRAINT "service_activity_sign_ups_activity_id_volunteer_id_pk" PRIMARY KEY("activity_id","volunteer_id"),
	CONSTRAINT "service_activity_sign_ups_minutes_positive" CHECK ("service_activity_sign_ups"."minutes" is null or "service_activity_sign_ups"."minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "service_window_setups" (
	"jurisdiction_code" varchar(12) PRIMARY KEY NOT NULL,
	"windows" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
DROP INDEX "service_cases_community_open_idx";--> statement-breakpoint
DROP INDEX "service_cases_street_open_idx";--> statement-breakpoint
DROP INDEX "service_cases_responder_open_idx";--> statement-breakpoint
DROP INDEX "service_cases_handler_open_idx";--> statement-breakpoint
ALTER TABLE "service_activity_sign_ups" ADD CONSTRAINT "service_activity_sign_ups_activity_id_service_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."service_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_activity_sign_ups" ADD CONSTRAINT "service_activity_sign_ups_volunteer_id_service_volunteers_id_fk" FOREIGN KEY ("volunteer_id") REFERENCES "public"."service_volunteers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_activities_community_on_idx" ON "service_activities" USING btree ("community_code","on");--> statement-breakpoint
CREATE INDEX "service_activity_sign_ups_volunteer_idx" ON "service_activity_sign_ups" USING btree ("volunteer_id");--> statement-breakpoint
CREATE INDEX "service_cases_resident_id_idx" ON "service_cases" USING btree (("record"->'resident'->>'idNumber'));--> statement-breakpoint
CREATE INDEX "service_cases_resident_phone_idx" ON "service_cases" USING btree (("record"->'resident'->>'phone'));--> statement-breakpoint
CREATE INDEX "service_cases_community_open_idx" ON "service_cases" USING btree ("community_code","priority" DESC NULLS LAST,"promised_on","id") WHERE "service_cases"."closed_on" is null;--> statement-breakpoint
CREATE INDEX "service_cases_street_open_idx" ON "service_cases" USING btree ("street_code","priority" DESC NULLS LAST,"promised_on","id") WHERE "service_cases"."closed_on" is null;--> statement-breakpoint
CREATE INDEX "service_cases_responder_open_idx" ON "service_cases" USING btree ("first_responder_id","priority" DESC NULLS LAST,"promised_on","id") WHERE "service_cases"."closed_on" is null;--> statement-breakpoint
CREATE INDEX "service_cases_handler_open_idx" ON "service_cases" USING btree ("handler_id","priority" DESC NULLS LAST,"promised_on","id") WHERE "service_cases"."closed_on" is null;