-- Reviews (issue 4): rapid reviews and the Panel's consideration of them, challenges, local child
-- safeguarding practice reviews (LCSPRs) to publication, the case timeline, timeliness policy
-- periods, and the outbox of reminder emails. Lateness and "overdue" are never stored: they are
-- computed from these dates when asked.

-- A named range of notified dates with its own rapid review target (DATA-STANDARD.md section 1):
-- data the secretariat edits, not code.
create table timeliness_policy_period (
  id                   bigint generated always as identity primary key,
  name                 text not null unique,
  notified_from        date not null,
  notified_to          date not null,
  target_working_days  int  not null check (target_working_days between 1 and 250),
  authorised_extension boolean not null default false,
  check (notified_to >= notified_from)
);

insert into timeliness_policy_period
  (name, notified_from, notified_to, target_working_days, authorised_extension)
values ('COVID-19 authorised extension', date '2020-04-01', date '2020-09-30', 15, true);

-- A rapid review: one per notification. DRAFT until the partnership submits it; the Panel's view,
-- its quality assessment and the national-review flag are recorded on it. version counts every
-- saved change (optimistic locking: a save names the version it started from).
create table rapid_review (
  id                          bigint generated always as identity primary key,
  notification_ref            text collate "C" not null unique
                                references notification (notification_ref) on delete cascade,
  status                      text not null check (status in ('DRAFT', 'SUBMITTED')),
  version                     int  not null check (version >= 1),
  received_date               date,
  decision                    text not null check (decision in ('LCSPR', 'NO_LCSPR', 'UNDECIDED')),
  no_lcspr_reason             text check (no_lcspr_reason in
                                ('LEARNING_ALREADY_IDENTIFIED', 'NO_NEW_LEARNING', 'OTHER_PROCESS', 'OTHER')),
  decision_rationale          text,
  criteria                    text[] not null default '{}',
  alternative_methodology     boolean not null default false,
  alternative_methodology_detail text,
  agencies_involved           text,
  chronology                  text,
  immediate_actions           text,
  learning_identified         text,
  dissemination_plan          text,
  dissemination_by            date,
  ethnicity_recorded          boolean,
  family_context_recorded     boolean,
  signed_off_la               date,
  signed_off_health           date,
  signed_off_police           date,
  practice_themes             text[] not null default '{}',
  panel_view                  text check (panel_view in ('AGREE', 'DISAGREE')),
  panel_view_reasons          text,
  panel_view_by               text,
  panel_view_at               timestamptz,
  national_review             boolean not null default false,
  quality_scores              smallint[],
  created_at                  timestamptz not null,
  updated_at                  timestamptz not null,
  updated_by                  text not null,
  check ((status = 'SUBMITTED') = (received_date is not null)),
  check (no_lcspr_reason is null or decision = 'NO_LCSPR'),
  check (panel_view is null or (status = 'SUBMITTED' and decision <> 'UNDECIDED')),
  check (quality_scores is null or cardinality(quality_scores) = 6)
);

-- Every saved version of a rapid review, as JSON: amendments after submission are kept.
create table rapid_review_version (
  rapid_review_id bigint not null references rapid_review (id) on delete cascade,
  version         int    not null,
  status          text   not null,
  content         text   not null check (content::jsonb is not null),
  recorded_at     timestamptz not null,
  recorded_by     text not null,
  primary key (rapid_review_id, version)
);

-- The Panel's challenge to a rapid review: a request for more information and its thread.
create table challenge (
  id              bigint generated always as identity primary key,
  rapid_review_id bigint not null references rapid_review (id) on delete cascade,
  status          text not null check (status in ('AWAITING_PARTNERSHIP', 'ANSWERED', 'CLOSED')),
  raised_by       text not null,
  raised_at       timestamptz not null
);

create table challenge_message (
  id           bigint generated always as identity primary key,
  challenge_id bigint not null references challenge (id) on delete cascade,
  author       text not null,
  written_at   timestamptz not null,
  from_panel   boolean not null,
  body         text not null
);

-- A local child safeguarding practice review, which may cover several notifications.
create table lcspr (
  id                                  bigint generated always as identity primary key,
  lcspr_ref                           text collate "C" not null unique,
  status                              text not null check (status in
                                        ('INITIATED', 'COMPLETED', 'PUBLICATION_NOTIFIED', 'PUBLISHED', 'NOT_PUBLISHING')),
  -- Meanwhile, until PUBLISHED or NOT_PUBLISHING: whether the partnership intends to publish.
  publication_intention               text not null check (publication_intention in
                                        ('INTENDS_TO_PUBLISH', 'NOT_DECIDED')),
  version                             int  not null check (version >= 1),
  initiated_date                      date not null,
  completed_date                      date,
  panel_notified_of_publication_date  date,
  publication_date                    date,
  not_publishing_reason               text,
  scope                               text,
  review_questions                    text,
  methodology                         text,
  family_involvement                  text,
  practitioner_involvement            text,
  dissemination_plan                  text,
  report_pdf                          bytea,
  report_sha256                       text,
  public_url                          text,
  created_at                          timestamptz not null,
  updated_at                          timestamptz not null,
  check (completed_date is null or completed_date >= initiated_date),
  check (publication_date is null or (completed_date is not null and publication_date >= completed_date)),
  check (status <> 'PUBLISHED' or publication_date is not null),
  check (status <> 'NOT_PUBLISHING' or not_publishing_reason is not null)
);

create table lcspr_notification (
  lcspr_id         bigint not null references lcspr (id) on delete cascade,
  notification_ref text collate "C" not null
                     references notification (notification_ref) on delete cascade,
  primary key (lcspr_id, notification_ref)
);

create index lcspr_notification_notification_idx on lcspr_notification (notification_ref);

create table lcspr_recommendation (
  id          bigint generated always as identity primary key,
  lcspr_id    bigint not null references lcspr (id) on delete cascade,
  seq         int not null,
  text        text not null,
  owner       text not null,
  due_date    date not null,
  specific    boolean not null,
  measurable  boolean not null,
  achievable  boolean not null,
  relevant    boolean not null,
  time_bound  boolean not null,
  unique (lcspr_id, seq)
);

-- The case's story: every event on a notification, its rapid review or its LCSPRs, with who, when
-- and the states before and after.
create table case_event (
  id              bigint generated always as identity primary key,
  notification_ref text collate "C" references notification (notification_ref) on delete cascade,
  lcspr_id        bigint references lcspr (id) on delete cascade,
  occurred_at     timestamptz not null,
  actor           text not null,
  event           text not null,
  from_state      text,
  to_state        text,
  details         text,
  check (notification_ref is not null or lcspr_id is not null)
);

create index case_event_notification_idx on case_event (notification_ref, occurred_at);
create index case_event_lcspr_idx on case_event (lcspr_id, occurred_at);

-- Where a partnership's reminders go (by default each local authority is its own partnership).
create table partnership_contact (
  partnership_code text primary key,
  email            text not null
);

-- Emails to send, written in the same transaction as what causes them; a scheduler sends each
-- once. dedupe_key makes a reminder's creation idempotent (two instances may both try).
create table outbox_email (
  id            bigint generated always as identity primary key,
  dedupe_key    text not null unique,
  recipient     text not null,
  subject       text not null,
  body          text not null,
  created_at    timestamptz not null,
  sent_at       timestamptz,
  attempts      int not null default 0,
  last_error    text
);

create index outbox_email_unsent_idx on outbox_email (id) where sent_at is null;
