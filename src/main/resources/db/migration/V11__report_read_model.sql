-- The report's read model (analytics; REPORT-SPEC.md): one narrow row a notification and one a child,
-- holding only what the tables count, coded as numbers, so that a report over a million notifications
-- reads one small table once instead of joining the register's wide tables again and again.
--
-- Kept in step with the register by the triggers below, in the same transaction as every change:
-- a notification, a child or a rapid review inserted, changed (in a column the report reads) or
-- deleted marks its notification, and when the transaction commits each notification it marked is
-- made again, once, from the views report_case_source and report_child_source, which are the one
-- definition of every value. (So a transaction sees its own changes in the read model only once it
-- has committed; reports read in transactions of their own.) Deleting a notification deletes its
-- rows (on delete cascade).
--
-- A code is its position in its code list (code_list_entry.ordinal, from 0, the order of
-- DATA-STANDARD.md); a set of codes (case characteristics, COVID-19 factors, practice themes) is a
-- bit mask, bit k set for the code at position k. The analytics module maps codes to numbers with
-- the same reference data. late depends on working_day, and every number on code_list_entry: after
-- every migration analytics.internal.ReportReadModelLoader compares a fingerprint of both with the
-- one in report_read_model_basis and, when they differ (new bank holidays, say), rebuilds the read
-- model with report_read_model_rebuild().

create table report_case (
  notification_id         bigint primary key references notification (id) on delete cascade,
  la_code                 text not null,
  incident_date           date not null,
  notified_date           date not null,
  -- notified more than 5 working days after the authority became aware (REPORT-SPEC H); null when
  -- working_day lacks either day (the report then counts with the calendar)
  late                    boolean,
  notification_type       smallint not null,
  death_category          smallint,
  -- the position of the death category's group in the list death_category_group
  death_group             smallint,
  harm_category           smallint,
  imd_decile              smallint,
  case_characteristics    int not null,
  domestic_abuse_pattern  smallint,
  csc_involvement         smallint not null,
  court_order             smallint not null,
  living_arrangement      smallint not null,
  covid_factors           int not null,
  -- the rapid review, if any (received by a report's as-at date when received_date <= as_at)
  received_date           date,
  decision                smallint,
  panel_view              smallint,
  alternative_methodology boolean,
  practice_themes         int
);

create index report_case_incident_idx on report_case (incident_date);
create index report_case_notified_idx on report_case (notified_date);

create table report_child (
  notification_id bigint   not null references notification (id) on delete cascade,
  child_seq       int      not null,
  la_code         text     not null,
  incident_date   date     not null,
  -- the group of the child's ethnicity (list ethnicity_group); null when not recorded
  ethnicity_group smallint,
  age_band        smallint not null,
  gender          smallint,
  primary key (notification_id, child_seq)
);

create index report_child_incident_idx on report_child (incident_date);

create view report_case_source as
select n.id as notification_id,
       n.la_code,
       n.incident_date,
       n.notified_date,
       wn.ordinal - wa.ordinal > 5 as late,
       t.ordinal::smallint as notification_type,
       dc.ordinal::smallint as death_category,
       dg.ordinal::smallint as death_group,
       hc.ordinal::smallint as harm_category,
       n.imd_decile,
       (select coalesce(sum(1 << e.ordinal), 0) from code_list_entry e
         where e.list = 'case_characteristics' and e.code = any (n.case_characteristics))::int
         as case_characteristics,
       dap.ordinal::smallint as domestic_abuse_pattern,
       csc.ordinal::smallint as csc_involvement,
       co.ordinal::smallint as court_order,
       la.ordinal::smallint as living_arrangement,
       (select coalesce(sum(1 << e.ordinal), 0) from code_list_entry e
         where e.list = 'covid_factors' and e.code = any (n.covid_factors))::int as covid_factors,
       r.received_date,
       d.ordinal::smallint as decision,
       pv.ordinal::smallint as panel_view,
       r.alternative_methodology,
       case when r.id is not null then
         (select coalesce(sum(1 << e.ordinal), 0) from code_list_entry e
           where e.list = 'practice_themes' and e.code = any (r.practice_themes))::int
       end as practice_themes
  from notification n
  left join working_day wa on wa.day = n.aware_date
  left join working_day wn on wn.day = n.notified_date
  left join code_list_entry t on t.list = 'notification_type' and t.code = n.notification_type
  left join code_list_entry dc on dc.list = 'death_category' and dc.code = n.death_category
  left join code_list_entry dg on dg.list = 'death_category_group' and dg.code = dc.code_group
  left join code_list_entry hc on hc.list = 'harm_category' and hc.code = n.harm_category
  left join code_list_entry dap on dap.list = 'domestic_abuse_pattern'
                               and dap.code = n.domestic_abuse_pattern
  left join code_list_entry csc on csc.list = 'csc_involvement' and csc.code = n.csc_involvement
  left join code_list_entry co on co.list = 'court_order' and co.code = n.court_order
  left join code_list_entry la on la.list = 'living_arrangement' and la.code = n.living_arrangement
  left join rapid_review r on r.notification_ref = n.notification_ref
  left join code_list_entry d on d.list = 'rapid_review_decision' and d.code = r.decision
  left join code_list_entry pv on pv.list = 'panel_view' and pv.code = r.panel_view;

create view report_child_source as
select c.notification_id,
       c.child_seq,
       n.la_code,
       n.incident_date,
       eg.ordinal::smallint as ethnicity_group,
       ab.ordinal::smallint as age_band,
       g.ordinal::smallint as gender
  from child c
  join notification n on n.id = c.notification_id
  left join code_list_entry e on e.list = 'ethnicity' and e.code = c.ethnicity
  left join code_list_entry eg on eg.list = 'ethnicity_group' and eg.code = e.code_group
  left join code_list_entry ab on ab.list = 'age_band'
                              and ab.code = case when c.age_years < 1 then 'UNDER_1'
                                                 when c.age_years <= 4 then 'AGE_1_4'
                                                 when c.age_years <= 9 then 'AGE_5_9'
                                                 when c.age_years <= 14 then 'AGE_10_14'
                                                 else 'AGE_15_17' end
  left join code_list_entry g on g.list = 'gender' and g.code = c.gender;

-- One notification's rows made again from the register (PL/pgSQL: each session plans these once).
create function report_read_model_refresh(of_notification bigint) returns void language plpgsql as $$
begin
  delete from report_case where notification_id = of_notification;
  insert into report_case select * from report_case_source s where s.notification_id = of_notification;
  delete from report_child where notification_id = of_notification;
  insert into report_child select * from report_child_source s where s.notification_id = of_notification;
end $$;

-- Every row made again from the register (a change of code lists or working days; bulk loads).
create function report_read_model_rebuild() returns void language sql as $$
  truncate report_case, report_child;
  insert into report_case select * from report_case_source;
  insert into report_child select * from report_child_source;
$$;

-- The notifications the transaction has changed, each made again once when it commits (a bulk
-- import changes a notification, its children and its rapid review one row at a time).
create table report_read_model_pending (
  notification_id bigint primary key
);

create function report_read_model_mark(of_notification bigint) returns void language plpgsql as $$
begin
  insert into report_read_model_pending (notification_id) values (of_notification)
    on conflict do nothing;
end $$;

create function report_read_model_catch_up() returns trigger language plpgsql as $$
begin
  perform report_read_model_refresh(new.notification_id);
  delete from report_read_model_pending where notification_id = new.notification_id;
  return null;
end $$;

create constraint trigger report_read_model_caught_up_at_commit
  after insert on report_read_model_pending deferrable initially deferred
  for each row execute function report_read_model_catch_up();

create function report_read_model_notification_changed() returns trigger language plpgsql as $$
begin
  perform report_read_model_mark(new.id);
  return null;
end $$;

create function report_read_model_child_changed() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform report_read_model_mark(old.notification_id);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform report_read_model_mark(new.notification_id);
  end if;
  return null;
end $$;

create function report_read_model_rapid_review_changed() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform report_read_model_mark(n.id) from notification n
      where n.notification_ref = old.notification_ref;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform report_read_model_mark(n.id) from notification n
      where n.notification_ref = new.notification_ref;
  end if;
  return null;
end $$;

-- Only changes to what the report reads (not, say, a child's sealed name when keys are rotated).
create trigger report_read_model_notification_inserted after insert on notification
  for each row execute function report_read_model_notification_changed();
create trigger report_read_model_notification_updated
  after update of notification_ref, la_code, incident_date, aware_date, notified_date,
    notification_type, death_category, harm_category, imd_decile, case_characteristics,
    domestic_abuse_pattern, csc_involvement, court_order, living_arrangement, covid_factors
  on notification
  for each row execute function report_read_model_notification_changed();

create trigger report_read_model_child_inserted_or_deleted after insert or delete on child
  for each row execute function report_read_model_child_changed();
create trigger report_read_model_child_updated
  after update of notification_id, child_seq, gender, age_years, ethnicity on child
  for each row execute function report_read_model_child_changed();

create trigger report_read_model_rapid_review_inserted_or_deleted
  after insert or delete on rapid_review
  for each row execute function report_read_model_rapid_review_changed();
create trigger report_read_model_rapid_review_updated
  after update of notification_ref, received_date, decision, panel_view, alternative_methodology,
    practice_themes on rapid_review
  for each row execute function report_read_model_rapid_review_changed();

-- The fingerprint of the code lists and working days the read model was last built with.
create table report_read_model_basis (
  only_row    boolean primary key default true check (only_row),
  fingerprint text not null
);
