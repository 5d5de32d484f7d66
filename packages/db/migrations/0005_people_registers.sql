CREATE TABLE "people_committees" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"kind" text NOT NULL,
	"term_from" date NOT NULL,
	"term_to" date NOT NULL,
	"record" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_units" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"record" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people_workers" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"street_code" varchar(9) NOT NULL,
	"name" text NOT NULL,
	"id_number" varchar(18) NOT NULL,
	"post" text NOT NULL,
	"joined_on" date NOT NULL,
	"left_on" date,
	"record" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "people_committees_community_idx" ON "people_committees" USING btree ("community_code","term_to");--> statement-breakpoint
CREATE INDEX "people_units_community_idx" ON "people_units" USING btree ("community_code","kind");--> statement-breakpoint
CREATE INDEX "people_workers_community_idx" ON "people_workers" USING btree ("community_code","post");--> statement-breakpoint
CREATE INDEX "people_workers_street_idx" ON "people_workers" USING btree ("street_code");--> statement-breakpoint
CREATE INDEX "people_workers_id_number_idx" ON "people_workers" USING btree ("id_number");