CREATE TABLE "supervision_counters" (
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "supervision_counters_region_code_kind_year_pk" PRIMARY KEY("region_code","kind","year")
);
--> statement-breakpoint
CREATE TABLE "supervision_draw_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"plan_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"kind" text NOT NULL,
	"stratum" text NOT NULL,
	"risk_class" text,
	"industry_section" text,
	"pool" text[] NOT NULL,
	"pool_hash" text NOT NULL,
	"count" integer NOT NULL,
	"seed_sources" jsonb,
	"result" text[],
	"created_at" timestamp with time zone NOT NULL,
	"drawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "supervision_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"transition" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"on_date" date NOT NULL,
	"note" text,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_inspections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"code" text NOT NULL,
	"plan_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"credit_code" text NOT NULL,
	"enterprise_name" text NOT NULL,
	"stratum" text NOT NULL,
	"position" integer NOT NULL,
	"inspector_ids" uuid[] NOT NULL,
	"status" text NOT NULL,
	"inspected_on" date,
	"findings" text,
	"result" text,
	"correct_by" date,
	"publication_due_on" date,
	"published_at" timestamp with time zone,
	"overdue_flagged_at" timestamp with time zone,
	"recorded_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_inspector_ties" (
	"inspector_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"relation" text NOT NULL,
	CONSTRAINT "supervision_inspector_ties_inspector_id_enterprise_id_pk" PRIMARY KEY("inspector_id","enterprise_id")
);
--> statement-breakpoint
CREATE TABLE "supervision_inspectors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"certificate_no" text NOT NULL,
	"specialty" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"user_id" uuid,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"legal_basis" text NOT NULL,
	"target_type" text NOT NULL,
	"kind" text NOT NULL,
	"frequency" text NOT NULL,
	"ratio_bp" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_objections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"check_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"filed_on" date NOT NULL,
	"reason" text NOT NULL,
	"decision_due_on" date NOT NULL,
	"decision" text,
	"decided_on" date,
	"note" text,
	"filed_by" uuid,
	"overdue_flagged_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_plans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"item_ids" uuid[] NOT NULL,
	"filters" jsonb NOT NULL,
	"allocation" jsonb NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"department_ids" uuid[] NOT NULL,
	"inspectors_per_target" integer NOT NULL,
	"status" text NOT NULL,
	"signal_id" uuid,
	"seed_source" text,
	"seed_announced_on" date,
	"seed_sources" jsonb,
	"algorithm" text,
	"pool_hash" text,
	"pool_size" integer,
	"committed_at" timestamp with time zone,
	"drawn_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_product_checks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"code" text NOT NULL,
	"plan_id" uuid,
	"enterprise_id" uuid NOT NULL,
	"enterprise_name" text NOT NULL,
	"credit_code" text NOT NULL,
	"product" text NOT NULL,
	"batch" text NOT NULL,
	"quantity" text NOT NULL,
	"test_sample_qty" integer NOT NULL,
	"reserve_sample_qty" integer NOT NULL,
	"samplers" text[] NOT NULL,
	"sampled_on" date NOT NULL,
	"lab_name" text NOT NULL,
	"tested_on" date,
	"results" jsonb NOT NULL,
	"conclusion" text,
	"received_on" date,
	"objection_deadline" date,
	"retest_lab_name" text,
	"retest_tested_on" date,
	"retest_results" jsonb,
	"retest_conclusion" text,
	"status" text NOT NULL,
	"publication_due_on" date,
	"published_at" timestamp with time zone,
	"overdue_flagged_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_rectification_files" (
	"rectification_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "supervision_rectification_files_rectification_id_file_id_pk" PRIMARY KEY("rectification_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "supervision_rectifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"code" text NOT NULL,
	"source_type" text NOT NULL,
	"source_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"enterprise_name" text NOT NULL,
	"ordered_on" date NOT NULL,
	"correct_by" date NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_settings" (
	"region_code" text PRIMARY KEY NOT NULL,
	"publication_working_days" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_signals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"code" text NOT NULL,
	"product" text NOT NULL,
	"hazard" text NOT NULL,
	"source" text NOT NULL,
	"description" text NOT NULL,
	"reported_on" date NOT NULL,
	"sample_ref" text,
	"severity" integer,
	"likelihood" integer,
	"grade" text,
	"status" text NOT NULL,
	"plan_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_targets" (
	"enterprise_id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"credit_code" text NOT NULL,
	"industry_section" text NOT NULL,
	"risk_class" text NOT NULL,
	"products" text[] NOT NULL,
	"flags" text[] NOT NULL,
	"status" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "supervision_draw_records" ADD CONSTRAINT "supervision_draw_records_plan_id_supervision_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."supervision_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_inspections" ADD CONSTRAINT "supervision_inspections_plan_id_supervision_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."supervision_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_inspector_ties" ADD CONSTRAINT "supervision_inspector_ties_inspector_id_supervision_inspectors_id_fk" FOREIGN KEY ("inspector_id") REFERENCES "public"."supervision_inspectors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_objections" ADD CONSTRAINT "supervision_objections_check_id_supervision_product_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."supervision_product_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_rectification_files" ADD CONSTRAINT "supervision_rectification_files_rectification_id_supervision_rectifications_id_fk" FOREIGN KEY ("rectification_id") REFERENCES "public"."supervision_rectifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_draw_records_uq" ON "supervision_draw_records" USING btree ("plan_id","kind","stratum");--> statement-breakpoint
CREATE INDEX "supervision_history_entity_idx" ON "supervision_history" USING btree ("entity_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_inspections_target_uq" ON "supervision_inspections" USING btree ("plan_id","enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_inspections_code_uq" ON "supervision_inspections" USING btree ("region_code","code");--> statement-breakpoint
CREATE INDEX "supervision_inspections_enterprise_idx" ON "supervision_inspections" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "supervision_inspections_inspectors_idx" ON "supervision_inspections" USING gin ("inspector_ids");--> statement-breakpoint
CREATE INDEX "supervision_inspections_published_idx" ON "supervision_inspections" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "supervision_inspections"."published_at" is not null;--> statement-breakpoint
CREATE INDEX "supervision_inspections_due_idx" ON "supervision_inspections" USING btree ("publication_due_on") WHERE "supervision_inspections"."published_at" is null and "supervision_inspections"."publication_due_on" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_inspectors_certificate_uq" ON "supervision_inspectors" USING btree ("region_code","certificate_no");--> statement-breakpoint
CREATE INDEX "supervision_inspectors_user_idx" ON "supervision_inspectors" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_items_code_uq" ON "supervision_items" USING btree ("region_code","code");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_objections_check_uq" ON "supervision_objections" USING btree ("check_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_plans_code_uq" ON "supervision_plans" USING btree ("region_code","code");--> statement-breakpoint
CREATE INDEX "supervision_plans_region_prefix_idx" ON "supervision_plans" USING btree ("region_code" text_pattern_ops,"created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_product_checks_code_uq" ON "supervision_product_checks" USING btree ("region_code","code");--> statement-breakpoint
CREATE INDEX "supervision_product_checks_enterprise_idx" ON "supervision_product_checks" USING btree ("enterprise_id");--> statement-breakpoint
CREATE INDEX "supervision_product_checks_published_idx" ON "supervision_product_checks" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "supervision_product_checks"."published_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_rectifications_source_uq" ON "supervision_rectifications" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_rectifications_code_uq" ON "supervision_rectifications" USING btree ("region_code","code");--> statement-breakpoint
CREATE INDEX "supervision_rectifications_enterprise_idx" ON "supervision_rectifications" USING btree ("enterprise_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_signals_code_uq" ON "supervision_signals" USING btree ("region_code","code");--> statement-breakpoint
CREATE INDEX "supervision_targets_region_prefix_idx" ON "supervision_targets" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "supervision_targets_stratum_idx" ON "supervision_targets" USING btree ("risk_class","industry_section","credit_code" collate "C");