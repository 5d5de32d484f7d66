CREATE TABLE "assessment_survey_codes" (
	"survey_id" uuid NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"code_hash" varchar(64) NOT NULL,
	"issued_by" uuid,
	"issued_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "assessment_survey_codes_survey_id_code_hash_pk" PRIMARY KEY("survey_id","code_hash")
);
--> statement-breakpoint
CREATE TABLE "assessment_survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"answers" jsonb NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"period" varchar(10) NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "committee_appraisals" (
	"committee_id" text NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"member_key" text NOT NULL,
	"member_name" text NOT NULL,
	"worker_id" text,
	"year" integer NOT NULL,
	"grade" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "committee_appraisals_community_code_member_key_year_pk" PRIMARY KEY("community_code","member_key","year")
);
--> statement-breakpoint
ALTER TABLE "assessment_survey_codes" ADD CONSTRAINT "assessment_survey_codes_survey_id_assessment_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."assessment_surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_survey_responses" ADD CONSTRAINT "assessment_survey_responses_survey_id_assessment_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."assessment_surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_surveys" ADD CONSTRAINT "assessment_surveys_scheme_id_assessment_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."assessment_schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_survey_codes_community_idx" ON "assessment_survey_codes" USING btree ("survey_id","community_code");--> statement-breakpoint
CREATE INDEX "assessment_survey_responses_community_idx" ON "assessment_survey_responses" USING btree ("survey_id","community_code");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_surveys_period_idx" ON "assessment_surveys" USING btree ("scheme_id","period");--> statement-breakpoint
CREATE INDEX "committee_appraisals_worker_idx" ON "committee_appraisals" USING btree ("worker_id");