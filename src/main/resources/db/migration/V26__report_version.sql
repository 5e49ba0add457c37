-- The report's version (analytics; issue 19): a number that grows with every committed change to
-- what the report reads, so that a report computed once can be answered again from a cache keyed
-- by the version and the request, on every instance, until anything it counts changes.
--
-- The version is the sum of report_version.changes. A transaction that changes what the report
-- reads adds 1 to one of its 64 slots (chosen by its transaction id, so that concurrent writers
-- seldom wait on each other's row). A report reads the sum in the same snapshot as its tables,
-- so a version always names exactly the data it was computed from: a change not yet committed is
-- in neither, and once committed it is in both.
--
-- What bumps it: any statement on the read model (report_case, report_child: made again at commit
-- from notifications, children and rapid reviews, and rebuilt when code lists or working days
-- change), and, through review's new hook review_published_changed(), any statement on the
-- review tables the report reads through review's published views. A notification's own
-- transaction so bumps it only when it commits, holding a slot only for the commit itself.

create table report_version (
  slot    smallint primary key check (slot between 0 and 63),
  changes bigint   not null default 0
);

insert into report_version (slot) select generate_series(0, 63);

create function report_version_bump() returns trigger language plpgsql as $$
begin
  update report_version set changes = changes + 1 where slot = (txid_current() % 64)::smallint;
  return null;
end $$;

create trigger report_case_version_bumped
  after insert or update or delete or truncate on report_case
  for each statement execute function report_version_bump();

create trigger report_child_version_bumped
  after insert or update or delete or truncate on report_child
  for each statement execute function report_version_bump();

-- review: a hook called whenever a statement changes a table behind its published views (the
-- analytics module implements it below; until then it does nothing)
create function review_published_changed() returns void language plpgsql as $$
begin
end $$;

create function review_published_statement_changed() returns trigger language plpgsql as $$
begin
  perform review_published_changed();
  return null;
end $$;

create trigger rapid_review_published_statement_changed
  after insert or update or delete or truncate on rapid_review
  for each statement execute function review_published_statement_changed();

create trigger lcspr_published_statement_changed
  after insert or update or delete or truncate on lcspr
  for each statement execute function review_published_statement_changed();

create trigger lcspr_notification_published_statement_changed
  after insert or update or delete or truncate on lcspr_notification
  for each statement execute function review_published_statement_changed();

create trigger timeliness_policy_period_published_statement_changed
  after insert or update or delete or truncate on timeliness_policy_period
  for each statement execute function review_published_statement_changed();

create trigger yearly_report_published_statement_changed
  after insert or update or delete or truncate on yearly_report
  for each statement execute function review_published_statement_changed();

-- analytics implements review's hook: a change there is a change of the report
create or replace function review_published_changed() returns void language plpgsql as $$
begin
  update report_version set changes = changes + 1 where slot = (txid_current() % 64)::smallint;
end $$;
