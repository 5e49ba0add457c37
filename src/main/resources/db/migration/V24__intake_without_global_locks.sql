-- Issue 19, intake without a global lock.
--
-- 1. Notification references (SIN-YYYY-NNNNN) come from a PostgreSQL sequence per year instead of
--    the notification_ref_counter row, which stayed locked until the notifying transaction
--    committed, so every notification waited for the one before. nextval never waits for another
--    transaction and is never rolled back: a notification that fails or rolls back after taking
--    its number leaves a gap in that year's numbers. Gaps are acceptable (a reference only has to
--    be unique); the numbers still rise in the order they were taken.
--
--    notification_ref_year(year) creates a year's sequence (SECURITY DEFINER, as the owner of the
--    tables: the application's role may create nothing), and notification_ref_next(year) gives its
--    next number. A new sequence starts after the highest number already used that year, in
--    notification_ref_counter (the old counter, no longer written) or in the register.
create function notification_ref_year(ref_year int) returns void
language plpgsql security definer set search_path from current as $$
declare
  seq text := 'notification_ref_' || ref_year;
  highest bigint;
begin
  if ref_year < 1000 or ref_year > 9999 then
    raise exception 'a notification reference''s year has four digits, not %', ref_year
      using errcode = 'invalid_parameter_value';
  end if;
  if to_regclass(seq) is not null then
    return;
  end if;
  select greatest(
           coalesce((select last_value from notification_ref_counter where year = ref_year), 0),
           coalesce((select max(substr(notification_ref, 10)::bigint) from notification
                     where notification_ref ~ ('^SIN-' || ref_year || '-[0-9]{1,18}$')), 0))
    into highest;
  begin
    execute format('create sequence %I as bigint start with %s', seq, highest + 1);
  exception when duplicate_table or unique_violation then
    -- Another transaction created it first (this one waited for it to commit): use theirs.
    null;
  end;
end
$$;

-- The application calls notification_ref_year in a short transaction of its own before the
-- notifying one (so that transaction, holding a new sequence's catalog entry until it commits,
-- makes no other wait); here it is called again only in case the sequence went missing since.
create function notification_ref_next(ref_year int) returns bigint
language plpgsql security definer set search_path from current as $$
begin
  perform notification_ref_year(ref_year);
  return nextval('notification_ref_' || ref_year);
end
$$;

-- Only the application's role may call them (database.ApplicationRoleGrants). A year counted by
-- notification_ref_counter gets its sequence on its first notification after this migration,
-- going on from the counter.

-- 2. The audit chain is sealed after commit instead of while appending. An entry is inserted
--    without previous_hash, entry_hash and chain_pos (no lock, no read of the last entry); the
--    sealer (audit.AuditLog.seal, every second and before every verify) takes, under one advisory
--    lock, the committed entries not yet sealed in id order, gives each the next chain position and
--    computes its hashes, chaining it to the entry before it in chain_pos order. The chain's order
--    is chain_pos, given at seal time, so an entry whose transaction commits after a later id was
--    sealed is simply sealed next; none is skipped.
alter table audit_entry add column chain_pos bigint;
alter table audit_entry alter column previous_hash drop not null;
alter table audit_entry alter column entry_hash drop not null;

-- The entries sealed so far keep their hashes; their chain order was their id order.
alter table audit_entry disable trigger user;
update audit_entry set chain_pos = id;
alter table audit_entry enable trigger user;

alter table audit_entry add constraint audit_entry_sealed_whole check (
  (chain_pos is null and previous_hash is null and entry_hash is null)
  or (chain_pos is not null and previous_hash is not null and entry_hash is not null));
create unique index audit_entry_chain_pos_idx on audit_entry (chain_pos);
-- What the sealer looks for: small, as entries leave it when sealed.
create index audit_entry_unsealed_idx on audit_entry (id) where chain_pos is null;

-- Still append-only, with one exception: an unsealed entry may be sealed once (its chain_pos and
-- hashes set, nothing else changed). A sealed entry can be neither changed nor removed.
create or replace function audit_entry_append_only() returns trigger
language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    if old.chain_pos is null and new.chain_pos is not null
       and (new.id, new.recorded_at, new.actor, new.action, new.record_type, new.record_ref,
            new.before_state, new.after_state, new.details)
           is not distinct from
           (old.id, old.recorded_at, old.actor, old.action, old.record_type, old.record_ref,
            old.before_state, old.after_state, old.details) then
      return new;
    end if;
  end if;
  raise exception 'audit_entry is append-only: % refused', tg_op
    using errcode = 'insufficient_privilege';
end
$$;
