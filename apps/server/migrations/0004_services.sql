CREATE TABLE "service_api_clients" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"key_prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "service_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"institution_id" uuid NOT NULL,
	"institution_name" text NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"quotation_fen" integer,
	"result" text,
	"on_time" boolean,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_board_snapshots" (
	"region_code" text NOT NULL,
	"period" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"figures" jsonb NOT NULL,
	CONSTRAINT "service_board_snapshots_region_code_period_pk" PRIMARY KEY("region_code","period")
);
--> statement-breakpoint
CREATE TABLE "service_catalogue" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"code" text NOT NULL,
	"category" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"keywords" text[] NOT NULL,
	"attributes" jsonb NOT NULL,
	"institution_ids" uuid[] NOT NULL,
	"charge" text NOT NULL,
	"time_limits" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_request_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"file_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"institution_id" uuid,
	"uploaded_by" uuid,
	"uploaded_by_name" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_request_counters" (
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "service_request_counters_region_code_year_pk" PRIMARY KEY("region_code","year")
);
--> statement-breakpoint
CREATE TABLE "service_request_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"from_state" text,
	"to_state" text,
	"institution_id" uuid,
	"institution_name" text,
	"text" text,
	"amount_fen" integer,
	"internal" boolean DEFAULT false NOT NULL,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "service_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"number" text NOT NULL,
	"service_id" uuid NOT NULL,
	"category" text NOT NULL,
	"state" text NOT NULL,
	"source" text NOT NULL,
	"enterprise_id" uuid,
	"enterprise_name" text,
	"submitted_by" uuid,
	"api_client_id" uuid,
	"handler_id" uuid,
	"handler_name" text,
	"description" text NOT NULL,
	"attributes" jsonb NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"contact_email" text,
	"preferred_contact" text,
	"address" text,
	"lat" double precision,
	"long" double precision,
	"step" text,
	"step_started_at" timestamp with time zone,
	"step_deadline" date,
	"step_overdue" boolean DEFAULT false NOT NULL,
	"late_steps" integer DEFAULT 0 NOT NULL,
	"on_time" boolean,
	"rating" integer,
	"rating_comment" text,
	"decline_reason" text,
	"merged_into_id" uuid,
	"reopen_count" integer DEFAULT 0 NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "service_assignments" ADD CONSTRAINT "service_assignments_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request_attachments" ADD CONSTRAINT "service_request_attachments_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_request_events" ADD CONSTRAINT "service_request_events_request_id_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_requests" ADD CONSTRAINT "service_requests_service_id_service_catalogue_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."service_catalogue"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_api_clients_key_hash_uq" ON "service_api_clients" USING btree ("key_hash");--> statement-breakpoint
CREATE INDEX "service_assignments_request_idx" ON "service_assignments" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "service_assignments_institution_idx" ON "service_assignments" USING btree ("institution_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "service_catalogue_region_code_uq" ON "service_catalogue" USING btree ("region_code","code");--> statement-breakpoint
CREATE INDEX "service_catalogue_region_idx" ON "service_catalogue" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "service_request_attachments_request_idx" ON "service_request_attachments" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "service_request_events_request_idx" ON "service_request_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "service_requests_number_uq" ON "service_requests" USING btree ("number");--> statement-breakpoint
CREATE INDEX "service_requests_region_submitted_idx" ON "service_requests" USING btree ("region_code" text_pattern_ops,"submitted_at");--> statement-breakpoint
CREATE INDEX "service_requests_state_idx" ON "service_requests" USING btree ("state","submitted_at","region_code");--> statement-breakpoint
CREATE INDEX "service_requests_enterprise_idx" ON "service_requests" USING btree ("enterprise_id","submitted_at");--> statement-breakpoint
CREATE INDEX "service_requests_open_stage_idx" ON "service_requests" USING btree ("state","category","step_deadline","region_code") WHERE "service_requests"."step" is not null;--> statement-breakpoint
CREATE INDEX "service_requests_open_deadline_idx" ON "service_requests" USING btree ("step_deadline") WHERE "service_requests"."step" is not null;