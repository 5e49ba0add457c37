-- Drafts of notifications saved on the server as a notifier goes through the notify pages, one row
-- per draft per account, so a half-written notification survives signing out, a restart and another
-- computer. The answers are sealed (AES-GCM, module protection) as they may hold children's names
-- and dates of birth; the list of drafts shows only when, the authority and the type. A draft is
-- deleted when sent, when its owner deletes it, or once delete_after has passed.
create table notification_draft (
  id                 uuid primary key,
  owner              text collate "C" not null,
  created_at         timestamptz not null,
  saved_at           timestamptz not null,
  delete_after       timestamptz not null,
  la_code            text collate "C",
  notification_type  text collate "C",
  content_sealed     text not null
);

create index notification_draft_owner_idx on notification_draft (owner, saved_at desc);
create index notification_draft_delete_after_idx on notification_draft (delete_after);
