CREATE TABLE "card_refs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"task_id" text NOT NULL,
	"platform" text NOT NULL,
	"target" text NOT NULL,
	"message_id" text,
	"response_code" text,
	"response_code_expires_at" timestamp with time zone,
	"out_track_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "card_refs_platform_target_task_id_unique" UNIQUE("platform","target","task_id")
);
--> statement-breakpoint
CREATE TABLE "chats" (
	"platform" text NOT NULL,
	"chat_id" text NOT NULL,
	"tenant_id" text NOT NULL,
	"name" text,
	"is_coordination" boolean DEFAULT false NOT NULL,
	"webhook_key" text,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "chats_platform_chat_id_pk" PRIMARY KEY("platform","chat_id")
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"task_id" text,
	"node_id" text,
	"platform" text NOT NULL,
	"target_kind" text NOT NULL,
	"target_id" text NOT NULL,
	"purpose" text NOT NULL,
	"message" jsonb NOT NULL,
	"dedupe_key" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"merged_into" bigint,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "deliveries_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"liaison_id" text,
	"leader_id" text,
	"source" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "departments_tenant_id_name_unique" UNIQUE("tenant_id","name")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"tenant_id" text NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"department_id" text,
	"wecom_user_id" text,
	"dingtalk_user_id" text,
	"source" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "people_tenant_id_wecom_user_id_unique" UNIQUE("tenant_id","wecom_user_id"),
	CONSTRAINT "people_tenant_id_dingtalk_user_id_unique" UNIQUE("tenant_id","dingtalk_user_id")
);
--> statement-breakpoint
CREATE TABLE "role_assignments" (
	"tenant_id" text NOT NULL,
	"person_id" text NOT NULL,
	"role" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "role_assignments_tenant_id_person_id_role_pk" PRIMARY KEY("tenant_id","person_id","role")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"task_id" text,
	"node_id" text,
	"type" text NOT NULL,
	"actor_id" text,
	"source" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbound_messages" (
	"platform" text NOT NULL,
	"message_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbound_messages_platform_message_id_pk" PRIMARY KEY("platform","message_id")
);
--> statement-breakpoint
CREATE TABLE "node_dependencies" (
	"node_id" text NOT NULL,
	"depends_on_node_id" text NOT NULL,
	CONSTRAINT "node_dependencies_node_id_depends_on_node_id_pk" PRIMARY KEY("node_id","depends_on_node_id")
);
--> statement-breakpoint
CREATE TABLE "node_owners" (
	"node_id" text NOT NULL,
	"person_id" text NOT NULL,
	"position" integer NOT NULL,
	"decision" text,
	"decided_at" timestamp with time zone,
	CONSTRAINT "node_owners_node_id_person_id_pk" PRIMARY KEY("node_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "nodes" (
	"id" text PRIMARY KEY NOT NULL,
	"task_id" text NOT NULL,
	"seq" integer NOT NULL,
	"parallel_group" integer NOT NULL,
	"title" text NOT NULL,
	"kind" text DEFAULT 'action' NOT NULL,
	"sign_mode" text DEFAULT 'all' NOT NULL,
	"department_id" text,
	"deadline_text" text,
	"deadline_spec" jsonb NOT NULL,
	"due_at" timestamp with time zone,
	"deadline_version" integer DEFAULT 0 NOT NULL,
	"response_limit" jsonb,
	"status" text DEFAULT 'pending' NOT NULL,
	"escalation_level" integer DEFAULT 0 NOT NULL,
	"rework_count" integer DEFAULT 0 NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"activated_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"paused_at" timestamp with time zone,
	"paused_total_ms" bigint DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nodes_task_id_seq_unique" UNIQUE("task_id","seq")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"relayed_at" timestamp with time zone,
	CONSTRAINT "outbox_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "fired_pings" (
	"id" text PRIMARY KEY NOT NULL,
	"node_id" text NOT NULL,
	"kind" text NOT NULL,
	"level" integer NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"task_id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"score" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ratings_score_range" CHECK ("ratings"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "task_counters" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_followers" (
	"task_id" text NOT NULL,
	"person_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_followers_task_id_person_id_pk" PRIMARY KEY("task_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"creator_id" text NOT NULL,
	"origin_platform" text NOT NULL,
	"origin_chat_id" text NOT NULL,
	"priority" text DEFAULT 'normal' NOT NULL,
	"event_date" date,
	"status" text DEFAULT 'open' NOT NULL,
	"template_key" text,
	"on_reject" text DEFAULT 'sendback' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "tasks_tenant_id_number_unique" UNIQUE("tenant_id","number")
);
--> statement-breakpoint
CREATE TABLE "templates" (
	"tenant_id" text NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"aliases" text[] DEFAULT '{}' NOT NULL,
	"definition" jsonb NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "templates_tenant_id_key_pk" PRIMARY KEY("tenant_id","key")
);
--> statement-breakpoint
CREATE TABLE "tenants" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"wecom_corp_id" text,
	"dingtalk_corp_id" text,
	"settings" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tenants_wecom_corp_id_unique" UNIQUE("wecom_corp_id"),
	CONSTRAINT "tenants_dingtalk_corp_id_unique" UNIQUE("dingtalk_corp_id")
);
--> statement-breakpoint
ALTER TABLE "card_refs" ADD CONSTRAINT "card_refs_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chats" ADD CONSTRAINT "chats_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_assignments" ADD CONSTRAINT "role_assignments_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "node_dependencies" ADD CONSTRAINT "node_dependencies_node_id_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "node_dependencies" ADD CONSTRAINT "node_dependencies_depends_on_node_id_nodes_id_fk" FOREIGN KEY ("depends_on_node_id") REFERENCES "public"."nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "node_owners" ADD CONSTRAINT "node_owners_node_id_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_counters" ADD CONSTRAINT "task_counters_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_followers" ADD CONSTRAINT "task_followers_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "templates" ADD CONSTRAINT "templates_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "card_refs_out_track_id_index" ON "card_refs" USING btree ("out_track_id");--> statement-breakpoint
CREATE INDEX "deliveries_waiting_idx" ON "deliveries" USING btree ("platform","target_kind","target_id","id") WHERE "deliveries"."status" in ('pending', 'sending', 'deferred', 'failed');--> statement-breakpoint
CREATE INDEX "deliveries_task_id_index" ON "deliveries" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "people_tenant_id_name_index" ON "people" USING btree ("tenant_id","name");--> statement-breakpoint
CREATE INDEX "events_task_id_id_index" ON "events" USING btree ("task_id","id");--> statement-breakpoint
CREATE INDEX "events_tenant_id_created_at_index" ON "events" USING btree ("tenant_id","created_at");--> statement-breakpoint
CREATE INDEX "events_type_created_at_index" ON "events" USING btree ("type","created_at");--> statement-breakpoint
CREATE INDEX "node_owners_person_id_index" ON "node_owners" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "nodes_open_due_idx" ON "nodes" USING btree ("due_at") WHERE "nodes"."status" in ('active', 'paused');--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("id") WHERE "outbox"."relayed_at" is null;--> statement-breakpoint
CREATE INDEX "fired_pings_node_id_index" ON "fired_pings" USING btree ("node_id");--> statement-breakpoint
CREATE INDEX "tasks_open_by_chat_idx" ON "tasks" USING btree ("origin_platform","origin_chat_id") WHERE "tasks"."status" = 'open';--> statement-breakpoint
CREATE INDEX "tasks_tenant_id_status_created_at_index" ON "tasks" USING btree ("tenant_id","status","created_at");