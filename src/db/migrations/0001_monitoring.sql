CREATE TABLE "assessment_schedule_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessment_schedule_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"schedule_id" integer NOT NULL,
	"position" integer NOT NULL,
	"class_name" text NOT NULL,
	"parallel" smallint NOT NULL,
	"subject_code" text NOT NULL,
	"subject_name" text NOT NULL,
	"date" date NOT NULL,
	"lesson" smallint NOT NULL,
	"kind" text NOT NULL,
	"duration_min" smallint NOT NULL,
	"whole_class" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assessment_schedules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessment_schedules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"academic_year_id" integer NOT NULL,
	"source_file_name" text,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedule_curriculum" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "schedule_curriculum_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"schedule_id" integer NOT NULL,
	"parallel" smallint NOT NULL,
	"subject_code" text NOT NULL,
	"subject_name" text NOT NULL,
	"weekly_hours" real NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedule_lessons_per_day" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "schedule_lessons_per_day_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"schedule_id" integer NOT NULL,
	"parallel" smallint NOT NULL,
	"weekday" smallint,
	"lessons" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_campaign_schools" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "monitoring_campaign_schools_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"expert_group_id" integer NOT NULL,
	"self_status" text DEFAULT 'not_started' NOT NULL,
	"self_answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"self_percent" real,
	"self_submitted_at" timestamp with time zone,
	"return_comment" text,
	"card_status" text DEFAULT 'not_started' NOT NULL,
	"card_answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"card_percent" real,
	"card_comment" text,
	"expert_user_id" integer,
	"card_final_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_campaigns" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "monitoring_campaigns_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"academic_year_id" integer NOT NULL,
	"title" text NOT NULL,
	"template_version_id" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"regulation" text,
	"regulation_document_id" integer,
	"starts_on" date NOT NULL,
	"self_report_due" date NOT NULL,
	"expert_due" date NOT NULL,
	"previous_campaign_id" integer,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_events" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "monitoring_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"campaign_school_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"user_name" text NOT NULL,
	"action" text NOT NULL,
	"comment" text,
	"percent" real,
	"snapshot" jsonb
);
--> statement-breakpoint
CREATE TABLE "monitoring_template_versions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "monitoring_template_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"template_id" integer NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"note" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_templates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "monitoring_templates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"purpose" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_schedule_entries" ADD CONSTRAINT "assessment_schedule_entries_schedule_id_assessment_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."assessment_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_schedules" ADD CONSTRAINT "assessment_schedules_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_schedules" ADD CONSTRAINT "assessment_schedules_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_schedules" ADD CONSTRAINT "assessment_schedules_academic_year_id_academic_years_id_fk" FOREIGN KEY ("academic_year_id") REFERENCES "public"."academic_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_schedules" ADD CONSTRAINT "assessment_schedules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_curriculum" ADD CONSTRAINT "schedule_curriculum_schedule_id_assessment_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."assessment_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_lessons_per_day" ADD CONSTRAINT "schedule_lessons_per_day_schedule_id_assessment_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."assessment_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_campaign_schools" ADD CONSTRAINT "monitoring_campaign_schools_campaign_id_monitoring_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."monitoring_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_campaign_schools" ADD CONSTRAINT "monitoring_campaign_schools_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_campaign_schools" ADD CONSTRAINT "monitoring_campaign_schools_expert_group_id_expert_groups_id_fk" FOREIGN KEY ("expert_group_id") REFERENCES "public"."expert_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_campaign_schools" ADD CONSTRAINT "monitoring_campaign_schools_expert_user_id_users_id_fk" FOREIGN KEY ("expert_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_campaigns" ADD CONSTRAINT "monitoring_campaigns_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_campaigns" ADD CONSTRAINT "monitoring_campaigns_academic_year_id_academic_years_id_fk" FOREIGN KEY ("academic_year_id") REFERENCES "public"."academic_years"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_campaigns" ADD CONSTRAINT "monitoring_campaigns_template_version_id_monitoring_template_versions_id_fk" FOREIGN KEY ("template_version_id") REFERENCES "public"."monitoring_template_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_campaigns" ADD CONSTRAINT "monitoring_campaigns_regulation_document_id_documents_id_fk" FOREIGN KEY ("regulation_document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_campaigns" ADD CONSTRAINT "monitoring_campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_events" ADD CONSTRAINT "monitoring_events_campaign_school_id_monitoring_campaign_schools_id_fk" FOREIGN KEY ("campaign_school_id") REFERENCES "public"."monitoring_campaign_schools"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_events" ADD CONSTRAINT "monitoring_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_template_versions" ADD CONSTRAINT "monitoring_template_versions_template_id_monitoring_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."monitoring_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_template_versions" ADD CONSTRAINT "monitoring_template_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_templates" ADD CONSTRAINT "monitoring_templates_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assessment_schedule_entries_schedule_idx" ON "assessment_schedule_entries" USING btree ("schedule_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_schedules_org_year_uq" ON "assessment_schedules" USING btree ("org_id","academic_year_id");--> statement-breakpoint
CREATE UNIQUE INDEX "schedule_curriculum_uq" ON "schedule_curriculum" USING btree ("schedule_id","parallel","subject_code");--> statement-breakpoint
CREATE INDEX "schedule_lessons_per_day_schedule_idx" ON "schedule_lessons_per_day" USING btree ("schedule_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_campaign_schools_uq" ON "monitoring_campaign_schools" USING btree ("campaign_id","org_id");--> statement-breakpoint
CREATE INDEX "monitoring_campaign_schools_org_idx" ON "monitoring_campaign_schools" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "monitoring_campaigns_municipality_idx" ON "monitoring_campaigns" USING btree ("municipality_id");--> statement-breakpoint
CREATE INDEX "monitoring_events_school_idx" ON "monitoring_events" USING btree ("campaign_school_id");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_template_versions_uq" ON "monitoring_template_versions" USING btree ("template_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_templates_code_uq" ON "monitoring_templates" USING btree ("municipality_id","code");