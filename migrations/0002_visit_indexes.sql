DROP INDEX `visits_region_start`;--> statement-breakpoint
CREATE INDEX `visits_region_start_cover` ON `visits` (`region_id`,`start_date`,`status`,`end_date`,`id`);--> statement-breakpoint
CREATE INDEX `visits_year_kind_region` ON `visits` (`year`,`kind`,`region_id`,`status`,`unit_id`,`consolation_yuan`);