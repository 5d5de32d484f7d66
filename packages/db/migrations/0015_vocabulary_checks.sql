ALTER TABLE "jurisdictions" ADD CONSTRAINT "jurisdictions_level_check" CHECK ("jurisdictions"."level" in ('province', 'city', 'district', 'street', 'community'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_check" CHECK ("users"."role" in ('systemAdmin', 'provinceAdmin', 'cityAdmin', 'districtAdmin', 'streetAdmin', 'communityWorker', 'auditor'));--> statement-breakpoint
ALTER TABLE "archive_destructions" ADD CONSTRAINT "archive_destructions_state_check" CHECK ("archive_destructions"."state" in ('appraised', 'destroyed'));--> statement-breakpoint
ALTER TABLE "archive_destructions" ADD CONSTRAINT "archive_destructions_retention_check" CHECK ("archive_destructions"."retention" in ('permanent', 'years30', 'years10'));--> statement-breakpoint
ALTER TABLE "archive_items" ADD CONSTRAINT "archive_items_classification_check" CHECK ("archive_items"."classification" in ('none', 'secret', 'confidential', 'topSecret'));--> statement-breakpoint
ALTER TABLE "archive_items" ADD CONSTRAINT "archive_items_medium_check" CHECK ("archive_items"."medium" in ('paper', 'electronic', 'audiovisual', 'physical'));--> statement-breakpoint
ALTER TABLE "archive_items" ADD CONSTRAINT "archive_items_content_group_check" CHECK ("archive_items"."content_group" in ('ledgers', 'organisations', 'information', 'honours', 'heritage') or "archive_items"."content_group" like 'custom:_%');--> statement-breakpoint
ALTER TABLE "archive_items" ADD CONSTRAINT "archive_items_retention_check" CHECK ("archive_items"."retention" in ('permanent', 'years30', 'years10'));--> statement-breakpoint
ALTER TABLE "archive_items" ADD CONSTRAINT "archive_items_status_check" CHECK ("archive_items"."status" in ('shelved', 'onLoan', 'transferred', 'destroyed'));--> statement-breakpoint
ALTER TABLE "handover_items" ADD CONSTRAINT "handover_items_kind_check" CHECK ("handover_items"."kind" in ('finance', 'archive', 'seal'));--> statement-breakpoint
ALTER TABLE "handover_items" ADD CONSTRAINT "handover_items_condition_check" CHECK ("handover_items"."condition" in ('intact', 'missing', 'altered', 'damaged', 'unchecked'));--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_state_check" CHECK ("handovers"."state" in ('open', 'completed'));--> statement-breakpoint
ALTER TABLE "seal_end_proposals" ADD CONSTRAINT "seal_end_proposals_type_check" CHECK ("seal_end_proposals"."type" in ('retire', 'destroy'));--> statement-breakpoint
ALTER TABLE "seal_end_proposals" ADD CONSTRAINT "seal_end_proposals_state_check" CHECK ("seal_end_proposals"."state" in ('pending', 'confirmed', 'declined', 'withdrawn'));--> statement-breakpoint
ALTER TABLE "seal_requests" ADD CONSTRAINT "seal_requests_kind_check" CHECK ("seal_requests"."kind" in ('use', 'takeOut'));--> statement-breakpoint
ALTER TABLE "seal_requests" ADD CONSTRAINT "seal_requests_state_check" CHECK ("seal_requests"."state" in ('requested', 'approved', 'refused', 'withdrawn', 'stamped', 'out', 'returned'));--> statement-breakpoint
ALTER TABLE "seals" ADD CONSTRAINT "seals_state_check" CHECK ("seals"."state" in ('inUse', 'takenOut', 'retired', 'destroyed'));--> statement-breakpoint
ALTER TABLE "assessment_schemes" ADD CONSTRAINT "assessment_schemes_status_check" CHECK ("assessment_schemes"."status" in ('draft', 'published', 'superseded'));--> statement-breakpoint
ALTER TABLE "democracy_records" ADD CONSTRAINT "democracy_records_kind_check" CHECK ("democracy_records"."kind" in ('meeting', 'imposed-meeting', 'consultation', 'charter', 'disclosure', 'election', 'deliberation-body'));--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_kind_check" CHECK ("notices"."kind" in ('seal.approve', 'seal.stamp', 'handover.confirm', 'loan.overdue'));--> statement-breakpoint
ALTER TABLE "people_committees" ADD CONSTRAINT "people_committees_kind_check" CHECK ("people_committees"."kind" in ('residents', 'supervision', 'sub', 'party'));--> statement-breakpoint
ALTER TABLE "people_units" ADD CONSTRAINT "people_units_kind_check" CHECK ("people_units"."kind" in ('grid', 'building', 'resident-group', 'representative'));--> statement-breakpoint
ALTER TABLE "people_workers" ADD CONSTRAINT "people_workers_post_check" CHECK ("people_workers"."post" in ('two-committees', 'specialist', 'full-time', 'grid-worker'));--> statement-breakpoint
ALTER TABLE "service_cases" ADD CONSTRAINT "service_cases_status_check" CHECK ("service_cases"."status" in ('open', 'awaiting-agency', 'closed'));--> statement-breakpoint
ALTER TABLE "service_points_ledger" ADD CONSTRAINT "service_points_ledger_kind_check" CHECK ("service_points_ledger"."kind" in ('earn', 'redeem'));--> statement-breakpoint
ALTER TABLE "service_visit_targets" ADD CONSTRAINT "service_visit_targets_kind_check" CHECK ("service_visit_targets"."kind" in ('poor-family', 'seriously-ill', 'left-behind', 'released-prisoner', 'lonely-elderly', 'emergency', 'discontent', 'family-dispute'));--> statement-breakpoint
ALTER TABLE "webhook_outbox" ADD CONSTRAINT "webhook_outbox_status_check" CHECK ("webhook_outbox"."status" in ('pending', 'delivered', 'failed'));--> statement-breakpoint
ALTER TABLE "work_admissions" ADD CONSTRAINT "work_admissions_kind_check" CHECK ("work_admissions"."kind" in ('party', 'assist-government'));--> statement-breakpoint
ALTER TABLE "work_admissions" ADD CONSTRAINT "work_admissions_status_check" CHECK ("work_admissions"."status" in ('pending', 'approved', 'rejected'));--> statement-breakpoint
ALTER TABLE "work_burdens" ADD CONSTRAINT "work_burdens_kind_check" CHECK ("work_burdens"."kind" in ('task', 'evaluation', 'signboard'));--> statement-breakpoint
ALTER TABLE "work_list_versions" ADD CONSTRAINT "work_list_versions_kind_check" CHECK ("work_list_versions"."kind" in ('party', 'statutory', 'assist-government', 'convenience'));