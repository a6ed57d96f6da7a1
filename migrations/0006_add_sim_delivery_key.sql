ALTER TABLE "sim_messages" ADD COLUMN "delivery_key" text;--> statement-breakpoint
ALTER TABLE "sim_messages" ADD CONSTRAINT "sim_messages_delivery_key_unique" UNIQUE("delivery_key");