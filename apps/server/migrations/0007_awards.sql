CREATE TABLE "award_application_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"transition" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"comment" text,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cycle_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"code" text NOT NULL,
	"state" text NOT NULL,
	"facts" jsonb NOT NULL,
	"self_assessment" jsonb NOT NULL,
	"declaration_accepted" boolean DEFAULT false NOT NULL,
	"eligibility" jsonb,
	"submitted_at" timestamp with time zone,
	"correction_due_on" date,
	"decision" text,
	"awarded_on" date,
	"revoked_on" date,
	"revocation_reason" text,
	"recommended_from_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_attachments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"file_id" uuid NOT NULL,
	"item_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_cycles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"level" text NOT NULL,
	"year" integer NOT NULL,
	"code" text NOT NULL,
	"status" text NOT NULL,
	"calendar" jsonb NOT NULL,
	"criteria_version_id" text NOT NULL,
	"winner_quota" integer NOT NULL,
	"nomination_quota" integer NOT NULL,
	"eligibility_rules" jsonb NOT NULL,
	"review" jsonb NOT NULL,
	"blinding_seed" text NOT NULL,
	"notice_starts_on" date,
	"notice_ends_on" date,
	"opened_at" timestamp with time zone,
	"announced_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_expert_interests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"expert_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_expert_scores" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"expert_id" uuid NOT NULL,
	"entries" jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_objection_evidence" (
	"file_id" uuid PRIMARY KEY NOT NULL,
	"cycle_id" uuid NOT NULL,
	"objection_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_objections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"cycle_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"real_name" text NOT NULL,
	"contact" text NOT NULL,
	"content" text NOT NULL,
	"evidence_file_ids" uuid[] NOT NULL,
	"submitted_on" date NOT NULL,
	"status" text NOT NULL,
	"handling" text,
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_programmes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"cycle_years" integer NOT NULL,
	"winner_quota" integer NOT NULL,
	"nomination_quota" integer NOT NULL,
	"prize_money_fen" integer NOT NULL,
	"nomination_prize_money_fen" integer NOT NULL,
	"criteria_version_id" text NOT NULL,
	"eligibility_rules" jsonb NOT NULL,
	"review" jsonb NOT NULL,
	"calendar" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_review_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"expert_id" uuid NOT NULL,
	"is_leader" boolean DEFAULT false NOT NULL,
	"source" text NOT NULL,
	"override_reason" text,
	"status" text NOT NULL,
	"removed_reason" text,
	"declared_no_conflict_at" timestamp with time zone,
	"declaration_note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_review_records" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"consensus" jsonb NOT NULL,
	"site_review" jsonb,
	"feedback" jsonb,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "award_score_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"expert_id" uuid,
	"kind" text NOT NULL,
	"entries" jsonb NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "award_application_history" ADD CONSTRAINT "award_application_history_application_id_award_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."award_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_applications" ADD CONSTRAINT "award_applications_cycle_id_award_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."award_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_attachments" ADD CONSTRAINT "award_attachments_application_id_award_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."award_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_cycles" ADD CONSTRAINT "award_cycles_programme_id_award_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."award_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_expert_scores" ADD CONSTRAINT "award_expert_scores_application_id_award_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."award_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_objection_evidence" ADD CONSTRAINT "award_objection_evidence_cycle_id_award_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."award_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_objections" ADD CONSTRAINT "award_objections_cycle_id_award_cycles_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."award_cycles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_objections" ADD CONSTRAINT "award_objections_application_id_award_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."award_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_review_members" ADD CONSTRAINT "award_review_members_application_id_award_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."award_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_review_records" ADD CONSTRAINT "award_review_records_application_id_award_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."award_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "award_application_history_app_idx" ON "award_application_history" USING btree ("application_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "award_applications_cycle_org_uq" ON "award_applications" USING btree ("cycle_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "award_applications_code_uq" ON "award_applications" USING btree ("code");--> statement-breakpoint
CREATE INDEX "award_applications_org_idx" ON "award_applications" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "award_applications_region_idx" ON "award_applications" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "award_attachments_app_idx" ON "award_attachments" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "award_attachments_file_uq" ON "award_attachments" USING btree ("file_id");--> statement-breakpoint
CREATE UNIQUE INDEX "award_cycles_programme_year_uq" ON "award_cycles" USING btree ("programme_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "award_cycles_code_uq" ON "award_cycles" USING btree ("code");--> statement-breakpoint
CREATE INDEX "award_cycles_region_idx" ON "award_cycles" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "award_expert_interests_uq" ON "award_expert_interests" USING btree ("expert_id","organization_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "award_expert_scores_uq" ON "award_expert_scores" USING btree ("application_id","expert_id");--> statement-breakpoint
CREATE INDEX "award_objections_cycle_idx" ON "award_objections" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "award_programmes_region_idx" ON "award_programmes" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "award_review_members_app_idx" ON "award_review_members" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "award_review_members_expert_idx" ON "award_review_members" USING btree ("expert_id","status");--> statement-breakpoint
CREATE INDEX "award_score_history_app_idx" ON "award_score_history" USING btree ("application_id","at");