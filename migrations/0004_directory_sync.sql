CREATE TABLE "directory_syncs" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"platform" text NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "departments" DROP CONSTRAINT "departments_tenant_id_name_unique";--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "parent_id" text;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "wecom_dept_id" text;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "dingtalk_dept_id" text;--> statement-breakpoint
ALTER TABLE "departments" ADD COLUMN "field_sources" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "field_sources" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "deactivated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "directory_syncs" ADD CONSTRAINT "directory_syncs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_syncs_tenant_id_started_at_index" ON "directory_syncs" USING btree ("tenant_id","started_at");--> statement-breakpoint
CREATE INDEX "departments_tenant_id_name_index" ON "departments" USING btree ("tenant_id","name");--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_tenant_id_wecom_dept_id_unique" UNIQUE("tenant_id","wecom_dept_id");--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_tenant_id_dingtalk_dept_id_unique" UNIQUE("tenant_id","dingtalk_dept_id");--> statement-breakpoint
UPDATE "departments" SET "field_sources" = jsonb_strip_nulls(jsonb_build_object('name', "source", 'liaisonId', CASE WHEN "liaison_id" IS NOT NULL THEN "source" END, 'leaderId', CASE WHEN "leader_id" IS NOT NULL THEN "source" END));--> statement-breakpoint
UPDATE "people" SET "field_sources" = jsonb_strip_nulls(jsonb_build_object('name', "source", 'departmentId', CASE WHEN "department_id" IS NOT NULL THEN "source" END, 'wecomUserId', CASE WHEN "wecom_user_id" IS NOT NULL THEN "source" END, 'dingtalkUserId', CASE WHEN "dingtalk_user_id" IS NOT NULL THEN "source" END));
