-- Intake with less work in each notification's transaction (issue 19).
--
-- 1. The report's read model is no longer made again when each change commits. Until now the
--    deferred trigger on report_read_model_pending made a notification's rows of report_case and
--    report_child again at the commit of every transaction that changed it: about a millisecond of
--    the database's time in every notification sent, a third of the database's work in intake.
--    Now a change only marks its notification (as before), the mark is committed with it, and
--    report_read_model_catch_up_pending() makes all the marked notifications again in four
--    set-wise statements and clears their marks. The analytics (analytics.Reports) call it before
--    every report and every reading of the report's version, so a report always counts every
--    committed change, and a scheduled job calls it every few seconds so that the marks stay few
--    (and a read replica, which cannot catch up itself, is behind by no more than that). An import
--    calls it before its commit.
drop trigger report_read_model_caught_up_at_commit on report_read_model_pending;
drop function report_read_model_catch_up();

create function report_read_model_catch_up_pending() returns integer language plpgsql as $$
declare
  taken bigint[];
begin
  -- one catch-up at a time (the second finds the marks taken); the key is this function's own
  perform pg_advisory_xact_lock(hashtext('report_read_model_catch_up_pending'));
  -- the marks taken are exactly the ones made again, whatever commits meanwhile
  with t as (delete from report_read_model_pending returning notification_id)
    select array_agg(notification_id) into taken from t;
  if taken is null then
    return 0;
  end if;
  delete from report_case where notification_id in (select unnest(taken));
  insert into report_case select s.* from report_case_source s
    where s.notification_id in (select unnest(taken));
  delete from report_child where notification_id in (select unnest(taken));
  insert into report_child select s.* from report_child_source s
    where s.notification_id in (select unnest(taken));
  return cardinality(taken);
end $$;

-- 2. A rate limit's count is committed without waiting for the disk (synchronous_commit off, for
--    this transaction only): a count lost in a crash costs nothing, and the API's count no longer
--    makes every request wait for a second flush of the write-ahead log, with the account's row
--    locked meanwhile. Called in a transaction of its own (autocommit) by web.SharedRateLimits.
create function rate_limit_hit(hit_kind text, hit_who text, hit_minute bigint) returns integer
language plpgsql as $$
declare
  counted integer;
begin
  perform set_config('synchronous_commit', 'off', true);
  insert into rate_limit_window as w (kind, who, minute, hits) values (hit_kind, hit_who, hit_minute, 1)
    on conflict (kind, who, minute) do update set hits = w.hits + 1
    returning hits into counted;
  return counted;
end $$;
