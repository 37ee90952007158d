CREATE TABLE "objectivity_decisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "objectivity_decisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"author_id" integer,
	"author_login" text NOT NULL,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "objectivity_explanations" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "objectivity_explanations_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"text" text NOT NULL,
	"document_id" integer,
	"author_id" integer,
	"author_login" text NOT NULL,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "official_list_entries" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "official_list_entries_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"import_id" integer NOT NULL,
	"municipality_id" integer NOT NULL,
	"org_id" integer NOT NULL,
	"list" text NOT NULL,
	"year" smallint NOT NULL,
	"login" text NOT NULL,
	"listed_name" text NOT NULL,
	"markers" jsonb,
	"marker_total" integer,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "official_list_imports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "official_list_imports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"municipality_id" integer NOT NULL,
	"list" text NOT NULL,
	"years" smallint[] NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"rows" integer NOT NULL,
	"matched" integer NOT NULL,
	"unknown_logins" text[] DEFAULT '{}' NOT NULL,
	"imported_by_login" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "objectivity_decisions" ADD CONSTRAINT "objectivity_decisions_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectivity_decisions" ADD CONSTRAINT "objectivity_decisions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectivity_decisions" ADD CONSTRAINT "objectivity_decisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectivity_explanations" ADD CONSTRAINT "objectivity_explanations_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectivity_explanations" ADD CONSTRAINT "objectivity_explanations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectivity_explanations" ADD CONSTRAINT "objectivity_explanations_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "objectivity_explanations" ADD CONSTRAINT "objectivity_explanations_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official_list_entries" ADD CONSTRAINT "official_list_entries_import_id_official_list_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."official_list_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official_list_entries" ADD CONSTRAINT "official_list_entries_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official_list_entries" ADD CONSTRAINT "official_list_entries_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "official_list_imports" ADD CONSTRAINT "official_list_imports_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "objectivity_decisions_key" ON "objectivity_decisions" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "objectivity_explanations_key" ON "objectivity_explanations" USING btree ("org_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "official_list_entries_key" ON "official_list_entries" USING btree ("list","year","org_id");--> statement-breakpoint
CREATE INDEX "official_list_entries_municipality_idx" ON "official_list_entries" USING btree ("municipality_id","year");--> statement-breakpoint
CREATE INDEX "official_list_imports_municipality_idx" ON "official_list_imports" USING btree ("municipality_id","list");