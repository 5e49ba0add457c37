-- V32: less of the database's time in each notification (issue 19).
--
-- 1. notification_ref_take(year) takes the year's sequence's next number itself. Until now it
--    called notification_ref_next, which called notification_ref_year: three nested functions, each
--    run as their owner with a search_path of its own, for one nextval. The year's sequence is made
--    (by notification_ref_year, as before) only when it is not there. What it gives is unchanged: the
--    next SIN-YYYY-NNNNN reference of the year that no notification holds.
create or replace function notification_ref_take(ref_year int) returns text
language plpgsql security definer set search_path from current as $$
declare
  seq regclass;
  n bigint;
  ref text;
begin
  if ref_year between 1000 and 9999 then
    seq := to_regclass('notification_ref_' || ref_year);
  end if;
  if seq is null then
    -- refuses a year without four digits; makes the sequence, from the highest number in use
    perform notification_ref_year(ref_year);
    seq := ('notification_ref_' || ref_year)::regclass;
  end if;
  loop
    n := nextval(seq);
    ref := 'SIN-' || ref_year || '-' || lpad(n::text, greatest(5, length(n::text)), '0');
    exit when not exists (select 1 from notification where notification_ref = ref);
  end loop;
  return ref;
end
$$;

-- 2. The report's read model catches up on the marked notifications only. V29's statements chose
--    them with "in (select unnest(taken))", which the planner cannot size: it joined the whole
--    register to its code lists and working days and then kept the marked ones, so each catch-up
--    cost as much as the register is large (about 0.2 ms of the database's time for every
--    notification sent, at 130,000 notifications). Now each statement is planned for the marks it
--    is given (EXECUTE ... USING): a few after some notifications (found by their keys), all of
--    them after an import (joined whole). What it makes is unchanged.
create or replace function report_read_model_catch_up_pending() returns integer
language plpgsql as $$
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
  execute 'delete from report_case where notification_id = any($1)' using taken;
  execute 'insert into report_case select s.* from report_case_source s'
    ' where s.notification_id = any($1)' using taken;
  execute 'delete from report_child where notification_id = any($1)' using taken;
  execute 'insert into report_child select s.* from report_child_source s'
    ' where s.notification_id = any($1)' using taken;
  return cardinality(taken);
end $$;
