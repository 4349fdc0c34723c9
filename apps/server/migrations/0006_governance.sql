CREATE TABLE "governance_assessment_appeals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"scheme_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"total_hundredths" integer NOT NULL,
	"state" text NOT NULL,
	"decision_note" text,
	"filed_by" uuid NOT NULL,
	"filed_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "governance_assessment_results" (
	"scheme_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"total_hundredths" integer NOT NULL,
	"grade" text NOT NULL,
	"breakdown" jsonb NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "governance_assessment_results_scheme_id_department_id_pk" PRIMARY KEY("scheme_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "governance_assessment_schemes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"indicators" jsonb NOT NULL,
	"thresholds" jsonb NOT NULL,
	"state" text NOT NULL,
	"computed_as_of" date,
	"computed_at" timestamp with time zone,
	"locked_at" timestamp with time zone,
	"locked_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_assessment_values" (
	"scheme_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	"department_id" uuid NOT NULL,
	"numerator" integer NOT NULL,
	"denominator" integer NOT NULL,
	"evidence" text NOT NULL,
	"entered_by" uuid NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "governance_assessment_values_scheme_id_indicator_code_department_id_pk" PRIMARY KEY("scheme_id","indicator_code","department_id")
);
--> statement-breakpoint
CREATE TABLE "governance_budget_documents" (
	"entry_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "governance_budget_documents_entry_id_file_id_pk" PRIMARY KEY("entry_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "governance_budget_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"line_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"commitment_id" uuid,
	"from_commitment_fen" bigint DEFAULT 0 NOT NULL,
	"reallocation_id" uuid,
	"purpose" text,
	"payee" text,
	"document" text NOT NULL,
	"occurred_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_budget_lines" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"year" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"budget_fen" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_group_members" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"department_id" uuid NOT NULL,
	"group_role" text NOT NULL,
	"person_name" text NOT NULL,
	"person_title" text,
	"responsibilities" text NOT NULL,
	"head_user_id" uuid,
	"since" date NOT NULL,
	"until" date,
	"end_note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_meeting_attendance" (
	"meeting_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"attendance" text NOT NULL,
	"attendee_name" text,
	CONSTRAINT "governance_meeting_attendance_meeting_id_department_id_pk" PRIMARY KEY("meeting_id","department_id")
);
--> statement-breakpoint
CREATE TABLE "governance_meeting_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"meeting_id" uuid NOT NULL,
	"transition" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_meetings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"code" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"scheduled_on" date NOT NULL,
	"location" text,
	"agenda" jsonb NOT NULL,
	"minutes" text,
	"state" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_resolutions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"meeting_id" uuid NOT NULL,
	"code" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_task_attachments" (
	"task_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"progress_id" uuid,
	"department_id" uuid,
	CONSTRAINT "governance_task_attachments_task_id_file_id_pk" PRIMARY KEY("task_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "governance_task_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"transition" text NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"note" text,
	"actor_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_task_progress" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"reported_by" uuid NOT NULL,
	"reported_by_name" text NOT NULL,
	"note" text NOT NULL,
	"percent" integer NOT NULL,
	"reported_on" date NOT NULL,
	"reported_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_task_signals" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"task_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"level" integer NOT NULL,
	"deadline" date NOT NULL,
	"recipient_ids" uuid[] NOT NULL,
	"sent_on" date NOT NULL,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"code" text NOT NULL,
	"year" integer NOT NULL,
	"resolution_id" uuid,
	"title" text NOT NULL,
	"lead_department_id" uuid NOT NULL,
	"supporting_department_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"assigned_on" date NOT NULL,
	"deadline" date NOT NULL,
	"deadline_working_days" integer,
	"expected_output" text NOT NULL,
	"priority" text NOT NULL,
	"state" text NOT NULL,
	"progress_percent" integer DEFAULT 0 NOT NULL,
	"last_reported_on" date,
	"closed_on" date,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "governance_assessment_appeals" ADD CONSTRAINT "governance_assessment_appeals_scheme_id_governance_assessment_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."governance_assessment_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_assessment_results" ADD CONSTRAINT "governance_assessment_results_scheme_id_governance_assessment_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."governance_assessment_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_assessment_values" ADD CONSTRAINT "governance_assessment_values_scheme_id_governance_assessment_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."governance_assessment_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_budget_documents" ADD CONSTRAINT "governance_budget_documents_entry_id_governance_budget_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."governance_budget_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_budget_entries" ADD CONSTRAINT "governance_budget_entries_line_id_governance_budget_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."governance_budget_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_meeting_attendance" ADD CONSTRAINT "governance_meeting_attendance_meeting_id_governance_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."governance_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_meeting_history" ADD CONSTRAINT "governance_meeting_history_meeting_id_governance_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."governance_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_resolutions" ADD CONSTRAINT "governance_resolutions_meeting_id_governance_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."governance_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_task_attachments" ADD CONSTRAINT "governance_task_attachments_task_id_governance_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."governance_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_task_attachments" ADD CONSTRAINT "governance_task_attachments_progress_id_governance_task_progress_id_fk" FOREIGN KEY ("progress_id") REFERENCES "public"."governance_task_progress"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_task_history" ADD CONSTRAINT "governance_task_history_task_id_governance_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."governance_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_task_progress" ADD CONSTRAINT "governance_task_progress_task_id_governance_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."governance_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_task_signals" ADD CONSTRAINT "governance_task_signals_task_id_governance_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."governance_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_tasks" ADD CONSTRAINT "governance_tasks_resolution_id_governance_resolutions_id_fk" FOREIGN KEY ("resolution_id") REFERENCES "public"."governance_resolutions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "governance_assessment_appeals_uq" ON "governance_assessment_appeals" USING btree ("scheme_id","department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_assessment_schemes_year_uq" ON "governance_assessment_schemes" USING btree ("region_code","year");--> statement-breakpoint
CREATE INDEX "governance_budget_entries_line_idx" ON "governance_budget_entries" USING btree ("line_id","kind");--> statement-breakpoint
CREATE INDEX "governance_budget_entries_commitment_idx" ON "governance_budget_entries" USING btree ("commitment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_budget_lines_code_uq" ON "governance_budget_lines" USING btree ("region_code","year","code");--> statement-breakpoint
CREATE INDEX "governance_group_members_region_idx" ON "governance_group_members" USING btree ("region_code","since");--> statement-breakpoint
CREATE INDEX "governance_group_members_dept_idx" ON "governance_group_members" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "governance_meeting_attendance_dept_idx" ON "governance_meeting_attendance" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "governance_meeting_history_meeting_idx" ON "governance_meeting_history" USING btree ("meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_meetings_code_uq" ON "governance_meetings" USING btree ("region_code","code");--> statement-breakpoint
CREATE INDEX "governance_meetings_year_idx" ON "governance_meetings" USING btree ("region_code","year");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_resolutions_code_uq" ON "governance_resolutions" USING btree ("region_code","code");--> statement-breakpoint
CREATE INDEX "governance_resolutions_meeting_idx" ON "governance_resolutions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "governance_task_history_task_idx" ON "governance_task_history" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "governance_task_progress_task_idx" ON "governance_task_progress" USING btree ("task_id","reported_on");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_task_signals_uq" ON "governance_task_signals" USING btree ("task_id","kind","level","deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_tasks_code_uq" ON "governance_tasks" USING btree ("region_code","code");--> statement-breakpoint
CREATE INDEX "governance_tasks_year_idx" ON "governance_tasks" USING btree ("region_code","year","lead_department_id");--> statement-breakpoint
CREATE INDEX "governance_tasks_open_idx" ON "governance_tasks" USING btree ("region_code","state","deadline");--> statement-breakpoint
CREATE INDEX "governance_tasks_supporting_idx" ON "governance_tasks" USING gin ("supporting_department_ids");