-- The audit log: an append-only, hash-chained record of every sign-in, read, change, import,
-- export and report (see audit.AuditLog). Each entry's entry_hash is the SHA-256 of its own
-- contents and previous_hash (the entry_hash of the entry before it; 64 zeros for the first), so
-- changing, removing or inserting a row breaks the chain and `audit verify` names where.
--
-- before_state/after_state are text holding JSON, not jsonb: jsonb reorders keys and drops
-- whitespace, so the stored text would no longer be what was hashed. The checks still refuse text
-- that is not JSON.
create table audit_entry (
  id            bigint generated always as identity primary key,
  recorded_at   timestamptz not null,
  actor         text not null,
  action        text not null,
  record_type   text,
  record_ref    text collate "C",
  before_state  text check (before_state is null or before_state::jsonb is not null),
  after_state   text check (after_state is null or after_state::jsonb is not null),
  details       text,
  previous_hash text not null,
  entry_hash    text not null
);

create index audit_entry_actor_idx on audit_entry (actor, recorded_at);
create index audit_entry_record_idx on audit_entry (record_ref, recorded_at);
create index audit_entry_recorded_at_idx on audit_entry (recorded_at);

-- Append-only: the database itself refuses to change or remove an entry. (Someone who owns the
-- table or is a superuser can still switch this off; the hash chain is what shows they did.)
create function audit_entry_append_only() returns trigger
language plpgsql as $$
begin
  raise exception 'audit_entry is append-only: % refused', tg_op
    using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_entry_no_update_or_delete
  before update or delete on audit_entry
  for each row execute function audit_entry_append_only();

create trigger audit_entry_no_truncate
  before truncate on audit_entry
  for each statement execute function audit_entry_append_only();
