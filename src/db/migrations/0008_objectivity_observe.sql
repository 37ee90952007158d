CREATE TABLE "observation_marks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "observation_marks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"org_id" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"subject_id" integer NOT NULL,
	"grade" smallint NOT NULL,
	"observed" boolean,
	"source" text NOT NULL,
	"set_by_login" text NOT NULL,
	"set_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "observation_marks" ADD CONSTRAINT "observation_marks_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_marks" ADD CONSTRAINT "observation_marks_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observation_marks" ADD CONSTRAINT "observation_marks_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "observation_marks_unit_uq" ON "observation_marks" USING btree ("org_id","year","subject_id","grade");--> statement-breakpoint
CREATE INDEX "observation_marks_municipality_idx" ON "observation_marks" USING btree ("municipality_id");