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
CREATE INDEX "parameter_values_jurisdiction_idx" ON "parameter_values" USING btree ("jurisdiction_code","name","effective_from");--> statement-breakpoint
CREATE INDEX "parameter_values_entered_idx" ON "parameter_values" USING btree ("entered_at");