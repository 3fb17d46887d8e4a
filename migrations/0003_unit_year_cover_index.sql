DROP INDEX `visits_unit_year_status`;--> statement-breakpoint
CREATE INDEX `visits_unit_year_cover` ON `visits` (`unit_id`,`year`,`status`,`headcount`,`id`);