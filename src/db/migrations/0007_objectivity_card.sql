CREATE TABLE "objectivity_figures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "objectivity_figures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"run_id" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	"org_id" integer,
	"subject" text NOT NULL,
	"grade" smallint NOT NULL,
	"year" smallint NOT NULL,
	"works" integer NOT NULL,
	"figures" json NOT NULL
);
--> statement-breakpoint
CREATE TABLE "region_aggregates" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "region_aggregates_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"region_id" integer NOT NULL,
	"procedure" text NOT NULL,
	"subject" text NOT NULL,
	"grade" smallint NOT NULL,
	"year" smallint NOT NULL,
	"participants" integer NOT NULL,
	"mark_percent" jsonb NOT NULL,
	"journal_percent" jsonb,
	"task_percent" jsonb NOT NULL,
	"file_name" text NOT NULL,
	"imported_by_login" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "objectivity_figures" ADD CONSTRAINT "objectivity_figures_run_id_analysis_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."analysis_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectivity_figures" ADD CONSTRAINT "objectivity_figures_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectivity_figures" ADD CONSTRAINT "objectivity_figures_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_aggregates" ADD CONSTRAINT "region_aggregates_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "objectivity_figures_run_org_idx" ON "objectivity_figures" USING btree ("run_id","org_id");--> statement-breakpoint
CREATE INDEX "objectivity_figures_run_test_idx" ON "objectivity_figures" USING btree ("run_id","subject","grade","year");--> statement-breakpoint
CREATE UNIQUE INDEX "region_aggregates_test_uq" ON "region_aggregates" USING btree ("region_id","procedure","subject","grade","year");