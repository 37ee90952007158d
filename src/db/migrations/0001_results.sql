CREATE TABLE "assessment_tests" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "assessment_tests_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"procedure" text NOT NULL,
	"year" smallint NOT NULL,
	"session" text DEFAULT 'spring' NOT NULL,
	"subject_id" integer NOT NULL,
	"grade" smallint NOT NULL,
	"form" text DEFAULT '' NOT NULL,
	"tasks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"max_total" smallint,
	"min3" smallint,
	"min4" smallint,
	"min5" smallint,
	"structure_certainty" text,
	"scale_certainty" text,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "result_batches" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "result_batches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"file_id" integer NOT NULL,
	"test_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"replaces_id" integer,
	"works_count" integer NOT NULL,
	"absent_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by_login" text
);
--> statement-breakpoint
CREATE TABLE "result_files" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "result_files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"kind" text NOT NULL,
	"test_id" integer NOT NULL,
	"storage_key" text,
	"imported_by" integer,
	"imported_by_login" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "result_works" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "result_works_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"batch_id" integer NOT NULL,
	"test_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"participant_code" text NOT NULL,
	"class_name" text,
	"parallel" smallint,
	"variant" smallint,
	"absent" boolean NOT NULL,
	"scores" smallint[] NOT NULL,
	"total" smallint,
	"mark" smallint,
	"mark_from_file" boolean NOT NULL,
	"journal_mark" smallint,
	"gender" text,
	"source_row" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessment_tests" ADD CONSTRAINT "assessment_tests_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_batches" ADD CONSTRAINT "result_batches_file_id_result_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."result_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_batches" ADD CONSTRAINT "result_batches_test_id_assessment_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."assessment_tests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_batches" ADD CONSTRAINT "result_batches_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_batches" ADD CONSTRAINT "result_batches_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_files" ADD CONSTRAINT "result_files_test_id_assessment_tests_id_fk" FOREIGN KEY ("test_id") REFERENCES "public"."assessment_tests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_files" ADD CONSTRAINT "result_files_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "result_works" ADD CONSTRAINT "result_works_batch_id_result_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."result_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_tests_key_uq" ON "assessment_tests" USING btree ("procedure","year","session","subject_id","grade","form");--> statement-breakpoint
CREATE INDEX "result_batches_test_org_idx" ON "result_batches" USING btree ("test_id","org_id");--> statement-breakpoint
CREATE INDEX "result_batches_file_idx" ON "result_batches" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "result_files_sha_idx" ON "result_files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "result_works_batch_idx" ON "result_works" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "result_works_test_org_idx" ON "result_works" USING btree ("test_id","org_id");