CREATE TABLE "inbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"platform" text NOT NULL,
	"event_id" text NOT NULL,
	"event" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_until" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"failed_at" timestamp with time zone,
	CONSTRAINT "inbox_platform_event_uq" UNIQUE("platform","event_id")
);
--> statement-breakpoint
CREATE INDEX "inbox_waiting_idx" ON "inbox" USING btree ("id") WHERE "inbox"."failed_at" is null;