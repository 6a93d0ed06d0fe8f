ALTER TABLE "drift_findings" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "drift_findings" ADD COLUMN "resolution" text;