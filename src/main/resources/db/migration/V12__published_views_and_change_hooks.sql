-- Module boundaries in SQL (issue 14; checked by SqlBoundaryTest). A module's SQL reads another
-- module's records only through the views that module publishes, never its tables, and never puts
-- a trigger on another module's table. Each published view is the part of the module's records other
-- modules may rely on (no identifying details, no free text): the module may change its tables as
-- long as its views stay the same. Simple views: PostgreSQL reads through them as through the tables.
--
-- The report's read model (analytics, V11) was kept in step by analytics' triggers on the
-- notification, child and rapid_review tables. Now each owning module publishes a change hook
-- instead: its own triggers on its own tables call a function it declares, whenever a column of its
-- published view changes, and analytics implements that function (the one subscriber, named in
-- SqlBoundaryTest.HOOKS). The read model is marked and made again exactly as before.

-- notification publishes: its notifications and children, without identifying details

create view published_notification as
select id, notification_ref, la_code, incident_date, aware_date, notified_date, notification_type,
       death_category, harm_category, imd_decile, case_characteristics, domestic_abuse_pattern,
       csc_involvement, court_order, living_arrangement, covid_factors
  from notification;

create view published_child as
select notification_id, child_seq, gender, age_years, ethnicity
  from child;

-- The hook: called in the same transaction whenever a notification, or one of its children, is
-- inserted, deleted or changed in a column of published_notification or published_child. Declared
-- here as doing nothing; the subscriber replaces it.
create function notification_changed(of_notification bigint) returns void language plpgsql as $$
begin
end $$;

create function notification_published_row_changed() returns trigger language plpgsql as $$
begin
  perform notification_changed(new.id);
  return null;
end $$;

create function child_published_row_changed() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform notification_changed(old.notification_id);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform notification_changed(new.notification_id);
  end if;
  return null;
end $$;

-- (A deleted notification's rows elsewhere go with it by their foreign keys: on delete cascade.)
create trigger notification_published_inserted after insert on notification
  for each row execute function notification_published_row_changed();
create trigger notification_published_updated
  after update of notification_ref, la_code, incident_date, aware_date, notified_date,
    notification_type, death_category, harm_category, imd_decile, case_characteristics,
    domestic_abuse_pattern, csc_involvement, court_order, living_arrangement, covid_factors
  on notification
  for each row execute function notification_published_row_changed();

create trigger child_published_inserted_or_deleted after insert or delete on child
  for each row execute function child_published_row_changed();
create trigger child_published_updated
  after update of notification_id, child_seq, gender, age_years, ethnicity on child
  for each row execute function child_published_row_changed();

-- review publishes: what reports count of rapid reviews, LCSPRs, timeliness policy periods and
-- yearly reports (not the reviews' text, nor the LCSPR's report)

create view published_rapid_review as
select id, notification_ref, received_date, decision, panel_view, alternative_methodology,
       practice_themes
  from rapid_review;

create view published_lcspr as
select id, lcspr_ref, status, publication_intention, initiated_date, completed_date,
       panel_notified_of_publication_date, publication_date
  from lcspr;

create view published_lcspr_notification as
select lcspr_id, notification_ref
  from lcspr_notification;

create view published_timeliness_policy_period as
select id, name, notified_from, notified_to, target_working_days, authorised_extension
  from timeliness_policy_period;

create view published_yearly_report as
select id, partnership_code, published_date, req_impact, req_limited_progress, req_review_actions,
       req_child_family_feedback
  from yearly_report;

-- The hook: called in the same transaction whenever a rapid review is inserted, deleted or changed
-- in a column of published_rapid_review (with its notification's reference).
create function rapid_review_changed(of_notification_ref text) returns void language plpgsql as $$
begin
end $$;

create function rapid_review_published_row_changed() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    perform rapid_review_changed(old.notification_ref);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    perform rapid_review_changed(new.notification_ref);
  end if;
  return null;
end $$;

create trigger rapid_review_published_inserted_or_deleted
  after insert or delete on rapid_review
  for each row execute function rapid_review_published_row_changed();
create trigger rapid_review_published_updated
  after update of notification_ref, received_date, decision, panel_view, alternative_methodology,
    practice_themes on rapid_review
  for each row execute function rapid_review_published_row_changed();

-- analytics: its triggers on other modules' tables go; it subscribes to their hooks instead, and its
-- source views read the published views (same columns, same values).

drop trigger report_read_model_notification_inserted on notification;
drop trigger report_read_model_notification_updated on notification;
drop trigger report_read_model_child_inserted_or_deleted on child;
drop trigger report_read_model_child_updated on child;
drop trigger report_read_model_rapid_review_inserted_or_deleted on rapid_review;
drop trigger report_read_model_rapid_review_updated on rapid_review;
drop function report_read_model_notification_changed();
drop function report_read_model_child_changed();
drop function report_read_model_rapid_review_changed();

-- (the body of report_read_model_mark, one call fewer on every imported row)
create or replace function notification_changed(of_notification bigint) returns void
language plpgsql as $$
begin
  insert into report_read_model_pending (notification_id) values (of_notification)
    on conflict do nothing;
end $$;

create or replace function rapid_review_changed(of_notification_ref text) returns void
language plpgsql as $$
begin
  insert into report_read_model_pending (notification_id)
    select n.id from published_notification n where n.notification_ref = of_notification_ref
    on conflict do nothing;
end $$;

create or replace view report_case_source as
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
  from published_notification n
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
  left join published_rapid_review r on r.notification_ref = n.notification_ref
  left join code_list_entry d on d.list = 'rapid_review_decision' and d.code = r.decision
  left join code_list_entry pv on pv.list = 'panel_view' and pv.code = r.panel_view;

create or replace view report_child_source as
select c.notification_id,
       c.child_seq,
       n.la_code,
       n.incident_date,
       eg.ordinal::smallint as ethnicity_group,
       ab.ordinal::smallint as age_band,
       g.ordinal::smallint as gender
  from published_child c
  join published_notification n on n.id = c.notification_id
  left join code_list_entry e on e.list = 'ethnicity' and e.code = c.ethnicity
  left join code_list_entry eg on eg.list = 'ethnicity_group' and eg.code = e.code_group
  left join code_list_entry ab on ab.list = 'age_band'
                              and ab.code = case when c.age_years < 1 then 'UNDER_1'
                                                 when c.age_years <= 4 then 'AGE_1_4'
                                                 when c.age_years <= 9 then 'AGE_5_9'
                                                 when c.age_years <= 14 then 'AGE_10_14'
                                                 else 'AGE_15_17' end
  left join code_list_entry g on g.list = 'gender' and g.code = c.gender;
