CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"jurisdiction_code" varchar(12),
	"before" jsonb,
	"after" jsonb,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "communities" (
	"code" varchar(12) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"province_code" varchar(6) NOT NULL,
	"city_code" varchar(6) NOT NULL,
	"district_code" varchar(6) NOT NULL,
	"street_code" varchar(9) NOT NULL,
	"setting" text DEFAULT 'urban' NOT NULL,
	"households" integer,
	"residents" integer,
	"facts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"as_of" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "jurisdictions" (
	"code" varchar(12) PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"parent_code" varchar(12),
	"province_code" varchar(6) NOT NULL,
	"city_code" varchar(6),
	"district_code" varchar(6),
	"street_code" varchar(9),
	"community_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"window_started_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" varchar(64) NOT NULL,
	"display_name" text NOT NULL,
	"role" text NOT NULL,
	"jurisdiction_code" varchar(12) NOT NULL,
	"mobile" varchar(11),
	"id_number" varchar(18),
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_jurisdiction_idx" ON "audit_log" USING btree ("jurisdiction_code" varchar_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","id");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","id");--> statement-breakpoint
CREATE INDEX "communities_code_prefix_idx" ON "communities" USING btree ("code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "communities_street_idx" ON "communities" USING btree ("street_code","code");--> statement-breakpoint
CREATE INDEX "communities_district_idx" ON "communities" USING btree ("district_code","code");--> statement-breakpoint
CREATE INDEX "communities_city_idx" ON "communities" USING btree ("city_code","code");--> statement-breakpoint
CREATE INDEX "communities_province_idx" ON "communities" USING btree ("province_code","code");--> statement-breakpoint
CREATE INDEX "communities_households_idx" ON "communities" USING btree ("households");--> statement-breakpoint
CREATE INDEX "communities_residents_idx" ON "communities" USING btree ("residents");--> statement-breakpoint
CREATE INDEX "communities_name_idx" ON "communities" USING btree ("name");--> statement-breakpoint
CREATE INDEX "jurisdictions_parent_idx" ON "jurisdictions" USING btree ("parent_code","code");--> statement-breakpoint
CREATE INDEX "jurisdictions_code_prefix_idx" ON "jurisdictions" USING btree ("code" varchar_pattern_ops);--> statement-breakpoint
CREATE INDEX "jurisdictions_name_idx" ON "jurisdictions" USING btree ("name");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_idx" ON "users" USING btree ("username");--> statement-breakpoint
CREATE INDEX "users_jurisdiction_idx" ON "users" USING btree ("jurisdiction_code" varchar_pattern_ops);