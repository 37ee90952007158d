ALTER TABLE "result_works" DROP CONSTRAINT "result_works_batch_id_result_batches_id_fk";
--> statement-breakpoint
DROP INDEX "result_works_batch_idx";