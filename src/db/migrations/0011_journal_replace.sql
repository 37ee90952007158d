ALTER TABLE "journal_mark_files" ADD COLUMN "status" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "journal_mark_files" ADD COLUMN "replaces_ids" integer[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "journal_mark_files" ADD COLUMN "undone_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "journal_mark_files" ADD COLUMN "undone_by_login" text;--> statement-breakpoint
CREATE INDEX "journal_mark_files_org_year_idx" ON "journal_mark_files" USING btree ("org_id","year");