CREATE TABLE "accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"money_unit" text NOT NULL,
	"provider_balance" bigint,
	"provider_balance_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_provider_check" CHECK ("accounts"."provider" in ('esimaccess', 'iroamly'))
);
--> statement-breakpoint
CREATE TABLE "applied_webhooks" (
	"account_id" text NOT NULL,
	"notify_id" text NOT NULL,
	"outcome" text NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applied_webhooks_account_id_notify_id_pk" PRIMARY KEY("account_id","notify_id")
);
--> statement-breakpoint
CREATE TABLE "drift_findings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" bigint NOT NULL,
	"account_id" text NOT NULL,
	"kind" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"field" text NOT NULL,
	"store_value" text,
	"provider_value" text,
	"corrected" boolean NOT NULL,
	"detected_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "drift_findings_kind_check" CHECK ("drift_findings"."kind" in ('missed_webhook', 'unknown_to_us', 'missing_at_provider', 'status_mismatch', 'usage_mismatch', 'balance_mismatch'))
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"entry_key" text NOT NULL,
	"kind" text NOT NULL,
	"amount" bigint NOT NULL,
	"order_no" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entries_kind_check" CHECK ("ledger_entries"."kind" in ('opening', 'deposit', 'spend', 'refund', 'adjustment'))
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"account_id" text NOT NULL,
	"order_no" text NOT NULL,
	"transaction_id" text,
	"status" text,
	"origin" text NOT NULL,
	"amount" bigint,
	"lines" jsonb,
	"email" text,
	"missing_at_provider" boolean DEFAULT false NOT NULL,
	"last_seen_run" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_account_id_order_no_pk" PRIMARY KEY("account_id","order_no"),
	CONSTRAINT "orders_origin_check" CHECK ("orders"."origin" in ('local', 'webhook', 'sync'))
);
--> statement-breakpoint
CREATE TABLE "profiles" (
	"account_id" text NOT NULL,
	"esim_tran_no" text NOT NULL,
	"order_no" text NOT NULL,
	"iccid" text,
	"transaction_id" text,
	"esim_status" text,
	"smdp_status" text,
	"eid" text,
	"package_code" text,
	"total_volume" bigint,
	"order_usage" bigint,
	"usage_updated_at" text,
	"usage_final" boolean DEFAULT false NOT NULL,
	"expired_time" text,
	"total_duration" integer,
	"state_event_at" bigint,
	"state_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state_source" text NOT NULL,
	"missing_at_provider" boolean DEFAULT false NOT NULL,
	"last_seen_run" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "profiles_account_id_esim_tran_no_pk" PRIMARY KEY("account_id","esim_tran_no"),
	CONSTRAINT "profiles_state_source_check" CHECK ("profiles"."state_source" in ('webhook', 'sync', 'local'))
);
--> statement-breakpoint
CREATE TABLE "redeem_codes" (
	"account_id" text NOT NULL,
	"redeem_code" text NOT NULL,
	"order_no" text NOT NULL,
	"product_code" text NOT NULL,
	"expire_at" text NOT NULL,
	"status" integer NOT NULL,
	"qr_code_url" text,
	"missing_at_provider" boolean DEFAULT false NOT NULL,
	"last_seen_run" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "redeem_codes_account_id_redeem_code_pk" PRIMARY KEY("account_id","redeem_code")
);
--> statement-breakpoint
CREATE TABLE "sync_cursors" (
	"account_id" text NOT NULL,
	"stream" text NOT NULL,
	"run_id" bigint NOT NULL,
	"position" text,
	"done" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_cursors_account_id_stream_pk" PRIMARY KEY("account_id","stream")
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"status" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"error" text,
	"stats" jsonb,
	CONSTRAINT "sync_runs_status_check" CHECK ("sync_runs"."status" in ('running', 'completed', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "webhook_inbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"notify_id" text NOT NULL,
	"notify_type" text NOT NULL,
	"payload" jsonb NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE UNIQUE INDEX "drift_findings_subject_idx" ON "drift_findings" USING btree ("run_id","kind","subject_type","subject_id","field");--> statement-breakpoint
CREATE INDEX "drift_findings_account_idx" ON "drift_findings" USING btree ("account_id","run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_key_idx" ON "ledger_entries" USING btree ("account_id","entry_key");--> statement-breakpoint
CREATE INDEX "profiles_order_idx" ON "profiles" USING btree ("account_id","order_no");--> statement-breakpoint
CREATE INDEX "redeem_codes_order_idx" ON "redeem_codes" USING btree ("account_id","order_no");--> statement-breakpoint
CREATE INDEX "sync_runs_account_idx" ON "sync_runs" USING btree ("account_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_inbox_notify_idx" ON "webhook_inbox" USING btree ("account_id","notify_id");--> statement-breakpoint
CREATE INDEX "webhook_inbox_pending_idx" ON "webhook_inbox" USING btree ("processed_at","id");