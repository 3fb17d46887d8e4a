CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`kind` text NOT NULL,
	`filename` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`uploaded_at` text NOT NULL,
	`withdrawn_by` text,
	`withdrawn_at` text,
	`last_op_id` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `documents_record` ON `documents` (`record_type`,`record_id`,`uploaded_at`,`id`);