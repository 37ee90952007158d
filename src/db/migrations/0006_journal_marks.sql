CREATE TABLE "journal_mark_files" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "journal_mark_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"org_id" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"mapping" jsonb NOT NULL,
	"marks_count" integer NOT NULL,
	"imported_by" integer,
	"imported_by_login" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "journal_marks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "journal_marks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"file_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"student_code" text NOT NULL,
	"student_id" integer,
	"class_name" text,
	"subject_id" integer NOT NULL,
	"kind" text NOT NULL,
	"term_type" text,
	"term_no" smallint,
	"mark" smallint NOT NULL,
	"source_row" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "journal_mark_files" ADD CONSTRAINT "journal_mark_files_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_mark_files" ADD CONSTRAINT "journal_mark_files_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_mark_files" ADD CONSTRAINT "journal_mark_files_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_marks" ADD CONSTRAINT "journal_marks_file_id_journal_mark_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."journal_mark_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_marks" ADD CONSTRAINT "journal_marks_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_marks" ADD CONSTRAINT "journal_marks_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "journal_mark_files_org_sha_idx" ON "journal_mark_files" USING btree ("org_id","sha256");--> statement-breakpoint
CREATE INDEX "journal_marks_org_year_idx" ON "journal_marks" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "journal_marks_file_idx" ON "journal_marks" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "journal_marks_student_idx" ON "journal_marks" USING btree ("student_id");