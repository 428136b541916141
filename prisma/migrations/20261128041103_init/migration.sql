-- CreateEnum
CREATE TYPE "case_status" AS ENUM ('SUBMITTED', 'RECORDED', 'AWAITING_INFO', 'REVIEWED', 'IN_MEETING', 'MINUTED', 'RESPONDED', 'RESPONSE_RECEIVED', 'ARCHIVED', 'ESCALATED');

-- CreateEnum
CREATE TYPE "channel" AS ENUM ('PORTAL', 'SMS', 'PHONE', 'EMAIL', 'SUGGESTION_BOX', 'IN_PERSON');

-- CreateEnum
CREATE TYPE "category" AS ENUM ('CORRUPTION', 'GRATIFICATION', 'BRIBERY', 'ILLEGAL_LEVY', 'ABUSE_OF_AUTHORITY', 'CONFLICT_OF_INTEREST', 'ETHICS_VIOLATION', 'LICENSING_MALADMINISTRATION', 'OTHER');

-- CreateEnum
CREATE TYPE "role" AS ENUM ('SEKRETARIAT', 'TIM_TELAAH', 'TIM_AUDIT', 'KEPALA_DINAS', 'ADMIN', 'PENGAWAS');

-- CreateEnum
CREATE TYPE "identity_mode" AS ENUM ('ANONYMOUS', 'CONFIDENTIAL');

-- CreateEnum
CREATE TYPE "actor_kind" AS ENUM ('REPORTER', 'STAFF', 'SYSTEM');

-- CreateEnum
CREATE TYPE "letter_type" AS ENUM ('CATATAN_PENGADUAN', 'SURAT_PENGADUAN', 'BERITA_ACARA', 'TANGGAPAN', 'SURAT_PENERUSAN', 'DOSSIER', 'AGENDA_PERMOHONAN', 'AGENDA_TANGGAPAN');

-- CreateEnum
CREATE TYPE "agenda_book" AS ENUM ('PERMOHONAN', 'TANGGAPAN');

-- CreateEnum
CREATE TYPE "timeline_kind" AS ENUM ('TRANSITION', 'MESSAGE', 'ATTACHMENT', 'RECLASSIFIED', 'DRAFT_SUBMITTED', 'DRAFT_RETURNED', 'DRAFT_APPROVED', 'LETTER_ISSUED', 'LETTER_REPLACED', 'EXCLUSION', 'NOTE');

-- CreateEnum
CREATE TYPE "draft_status" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED');

-- CreateEnum
CREATE TYPE "review_recommendation" AS ENUM ('FORWARD', 'REQUEST_INFO', 'ESCALATE');

-- CreateEnum
CREATE TYPE "escalation_reason" AS ENUM ('LEADERSHIP_INVOLVED', 'OUTSIDE_AUTHORITY');

-- CreateEnum
CREATE TYPE "archive_reason" AS ENUM ('COMPLETED', 'NOT_ACKNOWLEDGED', 'ESCALATED');

-- CreateEnum
CREATE TYPE "delivery_method" AS ENUM ('PORTAL', 'EMAIL', 'POST', 'IN_PERSON');

-- CreateEnum
CREATE TYPE "meeting_role" AS ENUM ('CHAIR', 'MEMBER', 'SECRETARY');

-- CreateEnum
CREATE TYPE "attachment_kind" AS ENUM ('IMAGE', 'PDF', 'TEXT', 'AUDIO', 'VIDEO', 'OFFICE', 'OTHER');

-- CreateTable
CREATE TABLE "cases" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "status" "case_status" NOT NULL DEFAULT 'SUBMITTED',
    "tracking_hash" BYTEA,
    "channel" "channel" NOT NULL,
    "category" "category" NOT NULL,
    "identity_mode" "identity_mode" NOT NULL,
    "involves_leadership" BOOLEAN NOT NULL DEFAULT false,
    "wrapped_key" BYTEA NOT NULL,
    "key_version" INTEGER NOT NULL,
    "payload" BYTEA NOT NULL,
    "reporter_identity" BYTEA,
    "received_at" TIMESTAMPTZ(3) NOT NULL,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recorded_at" TIMESTAMPTZ(3),
    "reviewed_at" TIMESTAMPTZ(3),
    "convened_at" TIMESTAMPTZ(3),
    "minuted_at" TIMESTAMPTZ(3),
    "responded_at" TIMESTAMPTZ(3),
    "response_received_at" TIMESTAMPTZ(3),
    "archived_at" TIMESTAMPTZ(3),
    "escalated_at" TIMESTAMPTZ(3),
    "archive_reason" "archive_reason",
    "escalation_reason" "escalation_reason",
    "due_at" TIMESTAMPTZ(3),
    "paused_at" TIMESTAMPTZ(3),
    "paused_office_minutes" INTEGER NOT NULL DEFAULT 0,
    "record_due_at" TIMESTAMPTZ(3) NOT NULL,
    "response_due_at" TIMESTAMPTZ(3) NOT NULL,
    "auto_archive_at" TIMESTAMPTZ(3),
    "response_office_minutes" INTEGER,
    "created_by_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachments" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "message_id" TEXT,
    "author_kind" "actor_kind" NOT NULL,
    "staff_user_id" TEXT,
    "content" BYTEA NOT NULL,
    "file_name" BYTEA NOT NULL,
    "declared_mime_type" TEXT NOT NULL,
    "mime_type" TEXT NOT NULL,
    "detected_kind" "attachment_kind" NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" BYTEA NOT NULL,
    "stripped_metadata" BOOLEAN NOT NULL,
    "warning" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "messages" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "author_kind" "actor_kind" NOT NULL,
    "staff_user_id" TEXT,
    "body" BYTEA NOT NULL,
    "is_info_request" BOOLEAN NOT NULL DEFAULT false,
    "read_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "timeline_events" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "kind" "timeline_kind" NOT NULL,
    "from_status" "case_status",
    "to_status" "case_status",
    "step" INTEGER,
    "actor_kind" "actor_kind" NOT NULL,
    "actor_id" TEXT,
    "note" BYTEA,
    "visible_to_reporter" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "timeline_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "step_records" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "completed_at" TIMESTAMPTZ(3),
    "standard_minutes" INTEGER NOT NULL,
    "paused_office_minutes" INTEGER NOT NULL DEFAULT 0,
    "office_minutes" INTEGER,
    "within_standard" BOOLEAN,
    "completed_by_id" TEXT,

    CONSTRAINT "step_records_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reviews" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "is_complete" BOOLEAN,
    "in_scope" BOOLEAN,
    "recommendation" "review_recommendation",
    "content" BYTEA NOT NULL,
    "submitted_at" TIMESTAMPTZ(3),
    "letter_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "findings" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "findings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meetings" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3),
    "place" TEXT NOT NULL,
    "agenda" BYTEA,
    "discussion" BYTEA,
    "resolution" BYTEA,
    "convened_by_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "meetings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "meeting_attendees" (
    "id" TEXT NOT NULL,
    "meeting_id" TEXT NOT NULL,
    "staff_user_id" TEXT,
    "name" TEXT NOT NULL,
    "position" TEXT,
    "nip" TEXT,
    "rank_grade" TEXT,
    "organization" TEXT,
    "role" "meeting_role" NOT NULL DEFAULT 'MEMBER',
    "present" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "meeting_attendees_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "document_drafts" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "type" "letter_type" NOT NULL,
    "status" "draft_status" NOT NULL DEFAULT 'DRAFT',
    "content" BYTEA NOT NULL,
    "meeting_id" TEXT,
    "drafted_by_id" TEXT NOT NULL,
    "submitted_at" TIMESTAMPTZ(3),
    "returned_by_id" TEXT,
    "returned_at" TIMESTAMPTZ(3),
    "return_note" BYTEA,
    "approved_by_id" TEXT,
    "approved_at" TIMESTAMPTZ(3),
    "letter_id" TEXT,
    "sent_by_id" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "delivery_method" "delivery_method",
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "document_drafts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "letters" (
    "id" TEXT NOT NULL,
    "case_id" TEXT,
    "type" "letter_type" NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER,
    "number" TEXT,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signer_id" TEXT,
    "signer_name" TEXT,
    "signer_nip" TEXT,
    "signer_rank" TEXT,
    "signer_position" TEXT,
    "content" BYTEA NOT NULL,
    "wrapped_key" BYTEA,
    "key_version" INTEGER,
    "mime_type" TEXT NOT NULL DEFAULT 'application/pdf',
    "size" INTEGER NOT NULL,
    "sha256" BYTEA NOT NULL,
    "verification_code" TEXT NOT NULL,
    "replaces_id" TEXT,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "letters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sequences" (
    "scope" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "last_value" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sequences_pkey" PRIMARY KEY ("scope","year")
);

-- CreateTable
CREATE TABLE "agenda_entries" (
    "id" TEXT NOT NULL,
    "book" "agenda_book" NOT NULL,
    "year" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "entry_date" TIMESTAMPTZ(3) NOT NULL,
    "case_id" TEXT NOT NULL,
    "letter_id" TEXT,
    "reference" TEXT NOT NULL,
    "letter_number" TEXT,
    "category" "category" NOT NULL,
    "channel" "channel" NOT NULL,
    "summary" BYTEA,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agenda_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "staff_users" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "nip" TEXT,
    "name" TEXT NOT NULL,
    "rank_grade" TEXT,
    "position" TEXT NOT NULL,
    "roles" "role"[],
    "password_hash" TEXT NOT NULL,
    "must_change_password" BOOLEAN NOT NULL DEFAULT false,
    "password_changed_at" TIMESTAMPTZ(3),
    "totp_secret" BYTEA,
    "totp_key_version" INTEGER,
    "totp_enrolled_at" TIMESTAMPTZ(3),
    "last_totp_step" INTEGER,
    "failed_login_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "last_login_at" TIMESTAMPTZ(3),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "session_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "staff_users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "backup_codes" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "code_hash" TEXT NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "backup_codes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_exclusions" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "reason" BYTEA,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_exclusions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_entries" (
    "id" BIGSERIAL NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT,
    "actor_label" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "case_id" TEXT,
    "target" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "ip_address" TEXT,
    "prev_hash" BYTEA NOT NULL,
    "hash" BYTEA NOT NULL,

    CONSTRAINT "audit_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "settings" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by_id" TEXT,

    CONSTRAINT "settings_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "office_assets" (
    "key" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "mime_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" BYTEA NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by_id" TEXT,

    CONSTRAINT "office_assets_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "rate_limit_buckets" (
    "key" BYTEA NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rate_limit_buckets_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "key_hash" BYTEA NOT NULL,
    "scope" TEXT NOT NULL,
    "case_id" TEXT,
    "response" JSONB,
    "sealed_response" BYTEA,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("key_hash")
);

-- CreateTable
CREATE TABLE "reporter_sessions" (
    "id" TEXT NOT NULL,
    "token_hash" BYTEA NOT NULL,
    "case_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "reporter_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "cases_reference_key" ON "cases"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "cases_tracking_hash_key" ON "cases"("tracking_hash");

-- CreateIndex
CREATE INDEX "cases_status_due_at_idx" ON "cases"("status", "due_at");

-- CreateIndex
CREATE INDEX "cases_status_auto_archive_at_idx" ON "cases"("status", "auto_archive_at");

-- CreateIndex
CREATE INDEX "cases_received_at_idx" ON "cases"("received_at");

-- CreateIndex
CREATE INDEX "cases_category_received_at_idx" ON "cases"("category", "received_at");

-- CreateIndex
CREATE INDEX "cases_channel_received_at_idx" ON "cases"("channel", "received_at");

-- CreateIndex
CREATE INDEX "cases_status_received_at_idx" ON "cases"("status", "received_at");

-- CreateIndex
CREATE INDEX "cases_submitted_at_idx" ON "cases"("submitted_at");

-- CreateIndex
CREATE INDEX "cases_created_by_id_idx" ON "cases"("created_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "cases_year_sequence_key" ON "cases"("year", "sequence");

-- CreateIndex
CREATE INDEX "attachments_case_id_created_at_idx" ON "attachments"("case_id", "created_at");

-- CreateIndex
CREATE INDEX "attachments_message_id_idx" ON "attachments"("message_id");

-- CreateIndex
CREATE INDEX "messages_case_id_created_at_idx" ON "messages"("case_id", "created_at");

-- CreateIndex
CREATE INDEX "timeline_events_case_id_created_at_idx" ON "timeline_events"("case_id", "created_at");

-- CreateIndex
CREATE INDEX "step_records_completed_at_idx" ON "step_records"("completed_at");

-- CreateIndex
CREATE INDEX "step_records_step_completed_at_idx" ON "step_records"("step", "completed_at");

-- CreateIndex
CREATE UNIQUE INDEX "step_records_case_id_step_key" ON "step_records"("case_id", "step");

-- CreateIndex
CREATE UNIQUE INDEX "reviews_case_id_key" ON "reviews"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "reviews_letter_id_key" ON "reviews"("letter_id");

-- CreateIndex
CREATE INDEX "reviews_reviewer_id_idx" ON "reviews"("reviewer_id");

-- CreateIndex
CREATE INDEX "findings_case_id_created_at_idx" ON "findings"("case_id", "created_at");

-- CreateIndex
CREATE INDEX "meetings_case_id_starts_at_idx" ON "meetings"("case_id", "starts_at");

-- CreateIndex
CREATE INDEX "meeting_attendees_staff_user_id_idx" ON "meeting_attendees"("staff_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "meeting_attendees_meeting_id_staff_user_id_key" ON "meeting_attendees"("meeting_id", "staff_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "document_drafts_letter_id_key" ON "document_drafts"("letter_id");

-- CreateIndex
CREATE INDEX "document_drafts_status_type_idx" ON "document_drafts"("status", "type");

-- CreateIndex
CREATE UNIQUE INDEX "document_drafts_case_id_type_key" ON "document_drafts"("case_id", "type");

-- CreateIndex
CREATE UNIQUE INDEX "letters_verification_code_key" ON "letters"("verification_code");

-- CreateIndex
CREATE UNIQUE INDEX "letters_replaces_id_key" ON "letters"("replaces_id");

-- CreateIndex
CREATE INDEX "letters_case_id_type_idx" ON "letters"("case_id", "type");

-- CreateIndex
CREATE UNIQUE INDEX "letters_type_year_sequence_key" ON "letters"("type", "year", "sequence");

-- CreateIndex
CREATE INDEX "agenda_entries_case_id_idx" ON "agenda_entries"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "agenda_entries_book_year_number_key" ON "agenda_entries"("book", "year", "number");

-- CreateIndex
CREATE UNIQUE INDEX "staff_users_username_key" ON "staff_users"("username");

-- CreateIndex
CREATE UNIQUE INDEX "staff_users_nip_key" ON "staff_users"("nip");

-- CreateIndex
CREATE INDEX "backup_codes_user_id_idx" ON "backup_codes"("user_id");

-- CreateIndex
CREATE INDEX "case_exclusions_user_id_idx" ON "case_exclusions"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "case_exclusions_case_id_user_id_key" ON "case_exclusions"("case_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_entries_prev_hash_key" ON "audit_entries"("prev_hash");

-- CreateIndex
CREATE UNIQUE INDEX "audit_entries_hash_key" ON "audit_entries"("hash");

-- CreateIndex
CREATE INDEX "audit_entries_case_id_id_idx" ON "audit_entries"("case_id", "id");

-- CreateIndex
CREATE INDEX "audit_entries_actor_id_id_idx" ON "audit_entries"("actor_id", "id");

-- CreateIndex
CREATE INDEX "audit_entries_action_id_idx" ON "audit_entries"("action", "id");

-- CreateIndex
CREATE INDEX "audit_entries_created_at_idx" ON "audit_entries"("created_at");

-- CreateIndex
CREATE INDEX "rate_limit_buckets_expires_at_idx" ON "rate_limit_buckets"("expires_at");

-- CreateIndex
CREATE INDEX "idempotency_keys_expires_at_idx" ON "idempotency_keys"("expires_at");

-- CreateIndex
CREATE INDEX "idempotency_keys_case_id_idx" ON "idempotency_keys"("case_id");

-- CreateIndex
CREATE UNIQUE INDEX "reporter_sessions_token_hash_key" ON "reporter_sessions"("token_hash");

-- CreateIndex
CREATE INDEX "reporter_sessions_expires_at_idx" ON "reporter_sessions"("expires_at");

-- CreateIndex
CREATE INDEX "reporter_sessions_case_id_idx" ON "reporter_sessions"("case_id");

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_staff_user_id_fkey" FOREIGN KEY ("staff_user_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_staff_user_id_fkey" FOREIGN KEY ("staff_user_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "timeline_events" ADD CONSTRAINT "timeline_events_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "timeline_events" ADD CONSTRAINT "timeline_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "step_records" ADD CONSTRAINT "step_records_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "step_records" ADD CONSTRAINT "step_records_completed_by_id_fkey" FOREIGN KEY ("completed_by_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_letter_id_fkey" FOREIGN KEY ("letter_id") REFERENCES "letters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "findings" ADD CONSTRAINT "findings_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "findings" ADD CONSTRAINT "findings_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_convened_by_id_fkey" FOREIGN KEY ("convened_by_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "meeting_attendees" ADD CONSTRAINT "meeting_attendees_staff_user_id_fkey" FOREIGN KEY ("staff_user_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_drafts" ADD CONSTRAINT "document_drafts_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_drafts" ADD CONSTRAINT "document_drafts_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "meetings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_drafts" ADD CONSTRAINT "document_drafts_drafted_by_id_fkey" FOREIGN KEY ("drafted_by_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_drafts" ADD CONSTRAINT "document_drafts_returned_by_id_fkey" FOREIGN KEY ("returned_by_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_drafts" ADD CONSTRAINT "document_drafts_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_drafts" ADD CONSTRAINT "document_drafts_letter_id_fkey" FOREIGN KEY ("letter_id") REFERENCES "letters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "document_drafts" ADD CONSTRAINT "document_drafts_sent_by_id_fkey" FOREIGN KEY ("sent_by_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letters" ADD CONSTRAINT "letters_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letters" ADD CONSTRAINT "letters_signer_id_fkey" FOREIGN KEY ("signer_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "letters" ADD CONSTRAINT "letters_replaces_id_fkey" FOREIGN KEY ("replaces_id") REFERENCES "letters"("id") ON DELETE NO ACTION ON UPDATE NO ACTION;

-- AddForeignKey
ALTER TABLE "letters" ADD CONSTRAINT "letters_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_entries" ADD CONSTRAINT "agenda_entries_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_entries" ADD CONSTRAINT "agenda_entries_letter_id_fkey" FOREIGN KEY ("letter_id") REFERENCES "letters"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agenda_entries" ADD CONSTRAINT "agenda_entries_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "backup_codes" ADD CONSTRAINT "backup_codes_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_exclusions" ADD CONSTRAINT "case_exclusions_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_exclusions" ADD CONSTRAINT "case_exclusions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_exclusions" ADD CONSTRAINT "case_exclusions_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "office_assets" ADD CONSTRAINT "office_assets_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "staff_users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reporter_sessions" ADD CONSTRAINT "reporter_sessions_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;
