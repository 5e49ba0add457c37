-- An API request whose token is good no longer goes to the database before it is served
-- (issue 19): each instance keeps the accounts of the tokens it has accepted, and takes the API's
-- rate-limit counts in leases of several requests at once.
--
-- 1. access_changed(): the accounts an instance keeps are forgotten when any account, its local
--    authorities, its tokens or its declared interests change, on any instance or from the command
--    line. A statement-level trigger on each of those tables sends a notification on the channel
--    observatory_access when its transaction commits; every instance LISTENs on it
--    (access.internal.TokenHolders) and forgets every account it keeps. An instance that is not
--    listening (its connection lost) keeps none and reads the database on every request.
create function access_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('observatory_access', tg_table_name);
  return null;
end $$;

create trigger account_access_changed after insert or update or delete or truncate on account
  for each statement execute function access_changed();
create trigger account_la_access_changed after insert or update or delete or truncate on account_la
  for each statement execute function access_changed();
create trigger api_token_access_changed after insert or update or delete or truncate on api_token
  for each statement execute function access_changed();
create trigger declared_interest_access_changed
  after insert or update or delete or truncate on declared_interest
  for each statement execute function access_changed();

-- 2. rate_limit_hit_by(kind, who, minute, hits): as V29's rate_limit_hit, counting several hits
--    at once (a lease of requests an instance then allows without asking again), committed
--    without waiting for the disk. Returns the window's hits, these ones too.
create function rate_limit_hit_by(hit_kind text, hit_who text, hit_minute bigint, hit_count integer)
returns integer language plpgsql as $$
declare
  counted integer;
begin
  perform set_config('synchronous_commit', 'off', true);
  insert into rate_limit_window as w (kind, who, minute, hits)
    values (hit_kind, hit_who, hit_minute, hit_count)
    on conflict (kind, who, minute) do update set hits = w.hits + hit_count
    returning hits into counted;
  return counted;
end $$;
