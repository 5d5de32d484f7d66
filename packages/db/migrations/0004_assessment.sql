CREATE TABLE "assessment_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"jurisdiction_code" varchar(9) NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "assessment_scores" (
	"scheme_id" uuid NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"period" varchar(10) NOT NULL,
	"indicator_id" varchar(40) NOT NULL,
	"score" double precision NOT NULL,
	"entered_by" uuid,
	"entered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assessment_scores_scheme_id_community_code_period_indicator_id_pk" PRIMARY KEY("scheme_id","community_code","period","indicator_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_street_ratings" (
	"scheme_id" uuid NOT NULL,
	"street_code" varchar(9) NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"community_score" double precision NOT NULL,
	"resident_scores" jsonb NOT NULL,
	"entered_by" uuid,
	"entered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assessment_street_ratings_scheme_id_community_code_pk" PRIMARY KEY("scheme_id","community_code")
);
--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_scheme_id_assessment_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."assessment_schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_street_ratings" ADD CONSTRAINT "assessment_street_ratings_scheme_id_assessment_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."assessment_schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_schemes_version_idx" ON "assessment_schemes" USING btree ("jurisdiction_code","year","version");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_schemes_published_idx" ON "assessment_schemes" USING btree ("jurisdiction_code","year") WHERE "assessment_schemes"."status" = 'published';--> statement-breakpoint
CREATE INDEX "assessment_scores_community_idx" ON "assessment_scores" USING btree ("scheme_id","community_code");--> statement-breakpoint
CREATE INDEX "assessment_street_ratings_street_idx" ON "assessment_street_ratings" USING btree ("scheme_id","street_code");