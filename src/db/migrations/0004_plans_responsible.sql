ALTER TABLE "plan_activities" ADD COLUMN "responsible_user_id" integer;--> statement-breakpoint
ALTER TABLE "plan_evidence" ADD COLUMN "record_id" integer;--> statement-breakpoint
ALTER TABLE "plan_activities" ADD CONSTRAINT "plan_activities_responsible_user_id_users_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;