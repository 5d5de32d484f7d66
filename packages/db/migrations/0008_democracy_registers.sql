CREATE TABLE "community_contacts" (
	"community_code" varchar(12) PRIMARY KEY NOT NULL,
	"record" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "democracy_records" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"community_code" varchar(12) NOT NULL,
	"kind" text NOT NULL,
	"on" date NOT NULL,
	"record" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "democracy_records_community_idx" ON "democracy_records" USING btree ("community_code","kind","on");