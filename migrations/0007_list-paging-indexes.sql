DROP INDEX `visits_status`;--> statement-breakpoint
CREATE INDEX `visits_status_start` ON `visits` (`status`,`start_date`,`id`);--> statement-breakpoint
CREATE INDEX `visits_region_status_start` ON `visits` (`region_id`,`status`,`start_date`,`id`);--> statement-breakpoint
CREATE INDEX `visits_unit_status_start` ON `visits` (`unit_id`,`status`,`start_date`,`id`);--> statement-breakpoint
CREATE INDEX `plan_requests_year_order` ON `plan_requests` (`year`,`region_id`,`earliest`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `receptions_status_start` ON `receptions` (`status`,`start_date`,`id`);--> statement-breakpoint
CREATE INDEX `receptions_region_status_start` ON `receptions` (`region_id`,`status`,`start_date`,`id`);--> statement-breakpoint
CREATE INDEX `receptions_host_status_start` ON `receptions` (`host_unit_id`,`status`,`start_date`,`id`);