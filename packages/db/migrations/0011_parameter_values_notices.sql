CREATE TABLE "parameter_values" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"jurisdiction_code" varchar(12) NOT NULL,
	"name" text NOT NULL,
	"value" numeric(14, 2) NOT NULL,
	"effective_from" date NOT NULL,
	"source" text NOT NULL,
	"entered_by" uuid NOT NULL,
	"entered_by_name" text NOT NULL,
	"entered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"recipient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"link" text NOT NULL,
	"jurisdiction_code" varchar(12) NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "parameter_values_jurisdiction_idx" ON "parameter_values" USING btree ("jurisdiction_code","name","effective_from");--> statement-breakpoint
CREATE INDEX "parameter_values_entered_idx" ON "parameter_values" USING btree ("entered_at");--> statement-breakpoint
CREATE INDEX "notices_recipient_idx" ON "notices" USING btree ("recipient_id","id");--> statement-breakpoint
CREATE INDEX "notices_unread_idx" ON "notices" USING btree ("recipient_id") WHERE "notices"."read_at" is null;