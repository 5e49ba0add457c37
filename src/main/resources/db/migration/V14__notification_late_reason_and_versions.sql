-- Why a notification was sent more than 5 working days after the local authority became aware
-- (DATA-STANDARD.md section 1), as the notifier explained before sending it. Not a field of the
-- data standard: kept with the notification, shown on its pages, never in the CSV export.
alter table notification add column late_reason text;

-- Amendments of a sent notification (permission AMEND_NOTIFICATION): each keeps the version it
-- replaced and the new one (the data standard's fields, never a child's identifying details), who
-- amended it, when and why. Version 1 is the notification as first sent; the first amendment
-- makes version 2.
create table notification_version (
  id                bigint generated always as identity primary key,
  notification_ref  text collate "C" not null references notification (notification_ref) on delete cascade,
  version           int not null check (version >= 2),
  amended_at        timestamptz not null,
  amended_by        text not null,
  reason            text not null,
  before_state      text not null check (before_state::jsonb is not null),
  after_state       text not null check (after_state::jsonb is not null),
  unique (notification_ref, version)
);
