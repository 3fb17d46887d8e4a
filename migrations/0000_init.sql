CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`at` text NOT NULL,
	`actor_id` text NOT NULL,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`entity`,`entity_id`,`id`);--> statement-breakpoint
CREATE TABLE `cadre_rosters` (
	`year` integer NOT NULL,
	`unit_id` text NOT NULL,
	`region_id` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`year`, `unit_id`, `region_id`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `feeds` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`owner_user_id` text NOT NULL,
	`scope` text NOT NULL,
	`region_id` text,
	`unit_id` text,
	`label` text,
	`created_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`owner_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feeds_token_hash_unique` ON `feeds` (`token_hash`);--> statement-breakpoint
CREATE INDEX `feeds_owner` ON `feeds` (`owner_user_id`);--> statement-breakpoint
CREATE TABLE `login_throttle` (
	`email` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`window_started_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `plan_proposals` (
	`id` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`result_json` text NOT NULL,
	`status` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`committed_at` text
);
--> statement-breakpoint
CREATE TABLE `plan_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`year` integer NOT NULL,
	`unit_id` text NOT NULL,
	`region_id` text NOT NULL,
	`kind` text NOT NULL,
	`days` integer NOT NULL,
	`headcount` integer NOT NULL,
	`earliest` text NOT NULL,
	`latest` text NOT NULL,
	`preferred_start` text,
	`priority` integer NOT NULL,
	`leader_name` text NOT NULL,
	`purpose` text NOT NULL,
	`status` text NOT NULL,
	`visit_id` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_requests_year` ON `plan_requests` (`year`,`status`);--> statement-breakpoint
CREATE TABLE `quota_defaults` (
	`year` integer PRIMARY KEY NOT NULL,
	`max_batches` integer NOT NULL,
	`max_headcount_per_batch` integer NOT NULL,
	`max_person_trips` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `quota_overrides` (
	`year` integer NOT NULL,
	`unit_id` text NOT NULL,
	`max_batches` integer NOT NULL,
	`max_headcount_per_batch` integer NOT NULL,
	`max_person_trips` integer NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`year`, `unit_id`),
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `receptions` (
	`id` text PRIMARY KEY NOT NULL,
	`host_unit_id` text NOT NULL,
	`region_id` text NOT NULL,
	`official_letter_ref` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`guest_count` integer NOT NULL,
	`lead_rank` text NOT NULL,
	`guests_json` text DEFAULT '[]' NOT NULL,
	`work_meal_json` text,
	`lodging_json` text DEFAULT '[]' NOT NULL,
	`activities_json` text DEFAULT '[]' NOT NULL,
	`venue` text,
	`dietary_notes` text,
	`gifts_yuan` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`last_op_id` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`host_unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `receptions_region_start` ON `receptions` (`region_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `receptions_host_start` ON `receptions` (`host_unit_id`,`start_date`);--> statement-breakpoint
CREATE TABLE `region_blackouts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`region_id` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `region_blackouts_region_start` ON `region_blackouts` (`region_id`,`start_date`);--> statement-breakpoint
CREATE TABLE `regions` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`name_en` text NOT NULL,
	`hq_name` text NOT NULL,
	`timezone` text DEFAULT 'Asia/Shanghai' NOT NULL,
	`max_concurrent_delegations` integer NOT NULL,
	`min_gap_days` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`csrf_token` text,
	`expires_at` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `standards` (
	`name` text PRIMARY KEY NOT NULL,
	`value_json` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `units` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`unit_id` text,
	`region_id` text,
	`display_name` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `visits` (
	`id` text PRIMARY KEY NOT NULL,
	`unit_id` text NOT NULL,
	`region_id` text NOT NULL,
	`kind` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`year` integer NOT NULL,
	`headcount` integer NOT NULL,
	`leader_name` text NOT NULL,
	`leader_title` text,
	`purpose` text NOT NULL,
	`cadres_visited` integer,
	`consolation_yuan` integer,
	`status` text NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`coordination_opinion` text,
	`idempotency_key` text,
	`last_op_id` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visits_region_start` ON `visits` (`region_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `visits_unit_year_status` ON `visits` (`unit_id`,`year`,`status`);--> statement-breakpoint
CREATE INDEX `visits_status` ON `visits` (`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `visits_unit_idempotency` ON `visits` (`unit_id`,`idempotency_key`);