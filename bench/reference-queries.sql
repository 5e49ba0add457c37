-- The benchmark's hand-written reference queries (bench/report.sh, the `bench` command): for each
-- table of REPORT-SPEC.md, ONE SQL query written by hand for the unfiltered report (no area, a
-- reader who sees everything), giving the table's tidy cells as (row_code, column_code, value).
-- The benchmark runs each side by side with the engine (analytics.Reports) and checks that both
-- give the same cells. Parameters: :from, :to, :as_at. Working days come from the table
-- working_day (V10), which the calendar module fills. Each query follows a line "-- table: ID".

-- table: H
with h as (
  select count(*) as notifications,
         count(*) filter (where n.notification_type = 'DEATH') as death,
         count(*) filter (where n.notification_type = 'SERIOUS_HARM') as serious_harm,
         count(*) filter (where n.notification_type = 'OTHER') as other,
         count(distinct n.la_code) as las,
         count(*) filter (where wn.ordinal - wa.ordinal > 5) as late
  from notification n
  join working_day wa on wa.day = n.aware_date
  join working_day wn on wn.day = n.notified_date
  where n.incident_date between :from and :to
),
ch as (
  select count(*) as children from child c join notification n on n.id = c.notification_id
  where n.incident_date between :from and :to
)
select v.r, 'COUNT', v.c::text
from h cross join ch cross join lateral (values
  ('NOTIFICATIONS', h.notifications), ('DEATH', h.death), ('SERIOUS_HARM', h.serious_harm),
  ('OTHER', h.other), ('CHILDREN', ch.children), ('LAS_NOTIFYING', h.las),
  ('LATE_NOTIFICATIONS', h.late)) v(r, c);

-- table: T1
with counts as (
  select coalesce(e.code_group, 'NOT_RECORDED') as g, count(*) as c
  from child c join notification n on n.id = c.notification_id
  left join code_list_entry e on e.list = 'ethnicity' and e.code = c.ethnicity
  where n.incident_date between :from and :to
  group by 1
),
tot as (
  select coalesce(sum(c), 0) as total, coalesce(sum(c) filter (where g <> 'NOT_RECORDED'), 0) as recorded
  from counts
),
grp(g) as (values ('WHITE_BRITISH'), ('WHITE_OTHER'), ('MIXED'), ('ASIAN'), ('BLACK'), ('OTHER'), ('NOT_RECORDED'))
select grp.g, v.col, v.val
from grp left join counts using (g) cross join tot
left join code_list_entry ce on ce.list = 'ethnicity_group' and ce.code = grp.g
cross join lateral (values
  ('COUNT', coalesce(counts.c, 0)::text),
  ('PERCENT', case when grp.g = 'NOT_RECORDED' or tot.recorded = 0 then ''
              else round(100.0 * coalesce(counts.c, 0) / tot.recorded, 1)::text end),
  ('CENSUS_PERCENT', coalesce(ce.code_group, ''))) v(col, val)
union all
select 'TOTAL', v.col, v.val
from tot cross join lateral (values ('COUNT', tot.total::text), ('PERCENT', ''), ('CENSUS_PERCENT', '')) v(col, val);

-- table: T2
with d as (
  select n.death_category as cat, g.code_group as grp, count(*) as c
  from notification n
  left join code_list_entry g on g.list = 'death_category' and g.code = n.death_category
  where n.incident_date between :from and :to and n.notification_type = 'DEATH'
  group by 1, 2
),
tot as (select coalesce(sum(c), 0) as deaths from d),
rows(code, is_group) as (values ('OVERT_FILICIDE', false), ('COVERT_FILICIDE', false), ('FATAL_PHYSICAL_ABUSE', false), ('SEVERE_PERSISTENT_CRUELTY', false), ('EXTREME_NEGLECT', false), ('EXTRA_FAMILIAL_HOMICIDE', false), ('EXTRA_FAMILIAL_FATAL_ASSAULT', false), ('SUDI', false), ('SUICIDE', false), ('RELATED', true), ('RELATED_ACCIDENT', false), ('RELATED_MEDICAL', false), ('RELATED_RISK_TAKING', false), ('RELATED_POISONING', false), ('RELATED_OTHER', false), ('NOT_MALTREATMENT_RELATED', false), ('NOT_CLEAR', false), ('MALTREATMENT_FAMILY', true), ('EXTRA_FAMILIAL', true), ('TOTAL', false)),
counted as (
  select r.code, case when r.code = 'TOTAL' then tot.deaths
                 else (select coalesce(sum(d.c), 0) from d
                       where (case when r.is_group then d.grp else d.cat end) = r.code) end as c,
         tot.deaths
  from rows r cross join tot
)
select code, 'COUNT', c::text from counted
union all
select code, 'PERCENT', case when deaths = 0 then '' else round(100.0 * c / deaths, 1)::text end from counted;

-- table: T3
with h as (
  select n.harm_category as cat, count(*) as c from notification n
  where n.incident_date between :from and :to and n.notification_type in ('SERIOUS_HARM', 'OTHER')
  group by 1
),
tot as (select coalesce(sum(c), 0) as t from h),
rows(code) as (values ('NONFATAL_PHYSICAL_ABUSE'), ('NONFATAL_NEGLECT'), ('EMOTIONAL_ABUSE'), ('CSA_INTRA_FAMILIAL'), ('CSA_EXTRA_FAMILIAL'), ('CSE'), ('CRIMINAL_EXPLOITATION'), ('YOUNG_PERSON_PERPETRATOR'), ('OTHER_RISK_TAKING_VIOLENT'), ('OTHER_NON_FATAL'), ('TOTAL')),
counted as (
  select r.code, case when r.code = 'TOTAL' then tot.t
                 else coalesce((select h.c from h where h.cat = r.code), 0) end as c, tot.t
  from rows r cross join tot
)
select code, 'COUNT', c::text from counted
union all
select code, 'PERCENT', case when t = 0 then '' else round(100.0 * c / t, 1)::text end from counted;

-- table: T4
with t as (
  select n.notification_type as type, count(*) as total, array[
    count(*) filter (where 'PARENTAL_ALCOHOL_MISUSE' = any(n.case_characteristics)),
    count(*) filter (where 'PARENTAL_DRUG_MISUSE' = any(n.case_characteristics)),
    count(*) filter (where 'PARENTAL_ACES' = any(n.case_characteristics)),
    count(*) filter (where 'PARENT_CARE_LEAVER' = any(n.case_characteristics)),
    count(*) filter (where 'PARENTAL_CRIMINAL_RECORD' = any(n.case_characteristics)),
    count(*) filter (where n.case_characteristics && array['MATERNAL_MENTAL_ILL_HEALTH', 'PATERNAL_MENTAL_ILL_HEALTH']),
    count(*) filter (where 'PARENTAL_LEARNING_DIFFICULTY' = any(n.case_characteristics)),
    count(*) filter (where 'PARENTAL_SEPARATION' = any(n.case_characteristics)),
    count(*) filter (where 'DOMESTIC_ABUSE' = any(n.case_characteristics)),
    count(*) filter (where 'ELECTIVE_HOME_EDUCATION' = any(n.case_characteristics)),
    count(*) filter (where 'CHILD_DISABILITY' = any(n.case_characteristics)),
    count(*) filter (where 'CHILD_MENTAL_ILL_HEALTH' = any(n.case_characteristics)),
    count(*) filter (where 'MATERNAL_MENTAL_ILL_HEALTH' = any(n.case_characteristics)),
    count(*) filter (where 'PATERNAL_MENTAL_ILL_HEALTH' = any(n.case_characteristics)),
    count(*) filter (where 'NEGLECT_FEATURE' = any(n.case_characteristics)),
    count(*) filter (where 'CRIMINAL_EXPLOITATION_BACKGROUND' = any(n.case_characteristics)),
    count(*) filter (where 'PEER_ON_PEER_ABUSE' = any(n.case_characteristics)),
    count(*) filter (where 'GENDER_IDENTITY_FACTOR' = any(n.case_characteristics)),
    count(*) filter (where 'SECURE_ESTABLISHMENT' = any(n.case_characteristics)),
    count(*) filter (where 'DOMESTIC_ABUSE' = any(n.case_characteristics) and n.case_characteristics && array['PARENTAL_ALCOHOL_MISUSE', 'PARENTAL_DRUG_MISUSE'])] as counts
  from notification n where n.incident_date between :from and :to
  group by 1
),
rows(code, i) as (values ('PARENTAL_ALCOHOL_MISUSE', 1), ('PARENTAL_DRUG_MISUSE', 2), ('PARENTAL_ACES', 3), ('PARENT_CARE_LEAVER', 4), ('PARENTAL_CRIMINAL_RECORD', 5), ('PARENTAL_MENTAL_ILL_HEALTH', 6), ('PARENTAL_LEARNING_DIFFICULTY', 7), ('PARENTAL_SEPARATION', 8), ('DOMESTIC_ABUSE', 9), ('ELECTIVE_HOME_EDUCATION', 10), ('CHILD_DISABILITY', 11), ('CHILD_MENTAL_ILL_HEALTH', 12), ('MATERNAL_MENTAL_ILL_HEALTH', 13), ('PATERNAL_MENTAL_ILL_HEALTH', 14), ('NEGLECT_FEATURE', 15), ('CRIMINAL_EXPLOITATION_BACKGROUND', 16), ('PEER_ON_PEER_ABUSE', 17), ('GENDER_IDENTITY_FACTOR', 18), ('SECURE_ESTABLISHMENT', 19), ('DOMESTIC_ABUSE_AND_SUBSTANCE_MISUSE', 20)),
types(type) as (values ('DEATH'), ('SERIOUS_HARM'), ('OTHER')),
cells as (
  select r.code, ty.type, coalesce(t.counts[r.i], 0) as c, coalesce(t.total, 0) as total
  from rows r cross join types ty left join t on t.type = ty.type
)
select code, type || '_COUNT', c::text from cells
union all
select code, type || '_PERCENT', case when total = 0 then '' else round(100.0 * c / total, 1)::text end from cells
union all
select code, 'TOTAL_COUNT', sum(c)::text from cells group by code
union all
select code, 'TOTAL_PERCENT', case when sum(total) = 0 then '' else round(100.0 * sum(c) / sum(total), 1)::text end
from cells group by code;

-- table: T4A
with p as (
  select coalesce(n.domestic_abuse_pattern, '') as p, count(*) as c from notification n
  where n.incident_date between :from and :to and 'DOMESTIC_ABUSE' = any(n.case_characteristics)
  group by 1
),
tot as (select coalesce(sum(c), 0) as total, coalesce(sum(c) filter (where p <> ''), 0) as recorded from p),
rows(p) as (values ('FATHER_TO_MOTHER'), ('MOTHER_TO_FATHER'), ('BOTH_PARENTS'), ('YOUNG_PERSON_TO_ADULT'), ('OTHER'))
select rows.p, v.col, v.val
from rows left join p using (p) cross join tot
cross join lateral (values
  ('COUNT', coalesce(p.c, 0)::text),
  ('PERCENT', case when tot.recorded = 0 then '' else round(100.0 * coalesce(p.c, 0) / tot.recorded, 1)::text end)) v(col, val)
union all
select 'NOT_RECORDED', v.col, v.val from tot
cross join lateral (values ('COUNT', (tot.total - tot.recorded)::text), ('PERCENT', '')) v(col, val)
union all
select 'TOTAL', v.col, v.val from tot
cross join lateral (values ('COUNT', tot.total::text), ('PERCENT', '')) v(col, val);

-- table: T5
with t as (
  select n.notification_type as type, count(*) as total, array[
    count(*) filter (where n.csc_involvement <> 'NONE'),
    count(*) filter (where n.csc_involvement = 'INFORMATION_NO_REFERRAL'),
    count(*) filter (where n.csc_involvement = 'REFERRAL_NO_ASSESSMENT'),
    count(*) filter (where n.csc_involvement = 'INITIAL_ASSESSMENT'),
    count(*) filter (where n.csc_involvement = 'EARLY_HELP_CAF'),
    count(*) filter (where n.csc_involvement = 'CHILD_IN_NEED'),
    count(*) filter (where n.csc_involvement = 'CHILD_PROTECTION_PLAN'),
    count(*) filter (where n.csc_involvement = 'LOOKED_AFTER'),
    count(*) filter (where n.csc_involvement = 'OTHER'),
    count(*) filter (where n.court_order <> 'NONE'),
    count(*) filter (where n.court_order = 'CARE_ORDER'),
    count(*) filter (where n.court_order = 'SECTION_20'),
    count(*) filter (where n.court_order = 'OTHER'),
    count(*) filter (where n.living_arrangement <> 'AT_HOME'),
    count(*) filter (where n.living_arrangement = 'WITH_RELATIVES'),
    count(*) filter (where n.living_arrangement = 'FOSTER_CARE'),
    count(*) filter (where n.living_arrangement = 'RESIDENTIAL_HOME'),
    count(*) filter (where n.living_arrangement = 'SEMI_INDEPENDENT'),
    count(*) filter (where n.living_arrangement = 'OTHER')] as counts
  from notification n where n.incident_date between :from and :to
  group by 1
),
rows(code, i) as (values ('KNOWN_TO_CSC', 1), ('INFORMATION_NO_REFERRAL', 2), ('REFERRAL_NO_ASSESSMENT', 3), ('INITIAL_ASSESSMENT', 4), ('EARLY_HELP_CAF', 5), ('CHILD_IN_NEED', 6), ('CHILD_PROTECTION_PLAN', 7), ('LOOKED_AFTER', 8), ('CSC_OTHER', 9), ('COURT_ORDERS', 10), ('CARE_ORDER', 11), ('SECTION_20', 12), ('COURT_ORDER_OTHER', 13), ('NOT_RESIDENT_AT_HOME', 14), ('WITH_RELATIVES', 15), ('FOSTER_CARE', 16), ('RESIDENTIAL_HOME', 17), ('SEMI_INDEPENDENT', 18), ('LIVING_OTHER', 19)),
types(type) as (values ('DEATH'), ('SERIOUS_HARM'), ('OTHER')),
cells as (
  select r.code, ty.type, coalesce(t.counts[r.i], 0) as c, coalesce(t.total, 0) as total
  from rows r cross join types ty left join t on t.type = ty.type
)
select code, type || '_COUNT', c::text from cells
union all
select code, type || '_PERCENT', case when total = 0 then '' else round(100.0 * c / total, 1)::text end from cells
union all
select code, 'TOTAL_COUNT', sum(c)::text from cells group by code
union all
select code, 'TOTAL_PERCENT', case when sum(total) = 0 then '' else round(100.0 * sum(c) / sum(total), 1)::text end
from cells group by code;

-- table: T6
with r as (
  select coalesce(rr.received_date <= :as_at, false) as received,
         greatest(we.ordinal - wn.ordinal, 0) as e
  from notification n
  join working_day wn on wn.day = n.notified_date
  left join rapid_review rr on rr.notification_ref = n.notification_ref
  join working_day we on we.day = least(coalesce(rr.received_date, :as_at), :as_at)
  where n.notified_date between cast(:from as date) - 40 and :to
    and wn.ordinal + 15 > (select ordinal from working_day where day = cast(:from as date) - 1)
    and wn.ordinal + 15 <= (select ordinal from working_day where day = :to)
),
agg as (
  select coalesce(band, 5) as band,
         count(*) filter (where received) as rec,
         count(*) filter (where not received) as nyr,
         min(e) filter (where not received) as mn,
         max(e) filter (where not received) as mx
  from (select case when e <= 15 then 1 when e <= 25 then 2 when e <= 59 then 3 else 4 end as band,
               received, e from r) b
  group by grouping sets ((band), ())
),
tot as (select rec + nyr as n from agg where band = 5),
bands(code, band) as (values ('BAND_1_15', 1), ('BAND_16_25', 2), ('BAND_26_59', 3),
                             ('BAND_60_PLUS', 4), ('TOTAL', 5))
select bands.code, v.col, v.val
from bands left join agg using (band) cross join tot
cross join lateral (values
  ('RECEIVED', coalesce(agg.rec, 0)::text),
  ('NOT_YET_RECEIVED', coalesce(agg.nyr, 0)::text),
  ('TOTAL', coalesce(agg.rec + agg.nyr, 0)::text),
  ('PERCENT', case when tot.n = 0 then '' else round(100.0 * coalesce(agg.rec + agg.nyr, 0) / tot.n, 1)::text end),
  ('OUTSTANDING_MIN_WD', coalesce(agg.mn::text, '')),
  ('OUTSTANDING_MAX_WD', coalesce(agg.mx::text, ''))) v(col, val);

-- table: T7
with r as (
  select coalesce(rr.received_date <= :as_at, false) as received,
         greatest(we.ordinal - wn.ordinal, 0) as e
  from notification n
  join working_day wn on wn.day = n.notified_date
  left join rapid_review rr on rr.notification_ref = n.notification_ref
  join working_day we on we.day = least(coalesce(rr.received_date, :as_at), :as_at)
  where n.notified_date between cast(:from as date) - 40 and :to
    and wn.ordinal + 15 > (select ordinal from working_day where day = cast(:from as date) - 1)
    and wn.ordinal + 15 <= (select ordinal from working_day where day = :to)
    and not exists (select 1 from timeliness_policy_period p where p.authorised_extension and n.notified_date between p.notified_from and p.notified_to)
),
agg as (
  select coalesce(band, 5) as band,
         count(*) filter (where received) as rec,
         count(*) filter (where not received) as nyr,
         min(e) filter (where not received) as mn,
         max(e) filter (where not received) as mx
  from (select case when e <= 15 then 1 when e <= 25 then 2 when e <= 59 then 3 else 4 end as band,
               received, e from r) b
  group by grouping sets ((band), ())
),
tot as (select rec + nyr as n from agg where band = 5),
bands(code, band) as (values ('BAND_1_15', 1), ('BAND_16_25', 2), ('BAND_26_59', 3),
                             ('BAND_60_PLUS', 4), ('TOTAL', 5))
select bands.code, v.col, v.val
from bands left join agg using (band) cross join tot
cross join lateral (values
  ('RECEIVED', coalesce(agg.rec, 0)::text),
  ('NOT_YET_RECEIVED', coalesce(agg.nyr, 0)::text),
  ('TOTAL', coalesce(agg.rec + agg.nyr, 0)::text),
  ('PERCENT', case when tot.n = 0 then '' else round(100.0 * coalesce(agg.rec + agg.nyr, 0) / tot.n, 1)::text end),
  ('OUTSTANDING_MIN_WD', coalesce(agg.mn::text, '')),
  ('OUTSTANDING_MAX_WD', coalesce(agg.mx::text, ''))) v(col, val);

-- table: T8
with r as (
  select coalesce(rr.received_date <= :as_at, false) as received,
         greatest(we.ordinal - wn.ordinal, 0) as e
  from notification n
  join working_day wn on wn.day = n.notified_date
  left join rapid_review rr on rr.notification_ref = n.notification_ref
  join working_day we on we.day = least(coalesce(rr.received_date, :as_at), :as_at)
  where n.notified_date between cast(:from as date) - 40 and :to
    and wn.ordinal + 15 > (select ordinal from working_day where day = cast(:from as date) - 1)
    and wn.ordinal + 15 <= (select ordinal from working_day where day = :to)
    and exists (select 1 from timeliness_policy_period p where p.authorised_extension and n.notified_date between p.notified_from and p.notified_to)
),
agg as (
  select coalesce(band, 5) as band,
         count(*) filter (where received) as rec,
         count(*) filter (where not received) as nyr,
         min(e) filter (where not received) as mn,
         max(e) filter (where not received) as mx
  from (select case when e <= 15 then 1 when e <= 25 then 2 when e <= 59 then 3 else 4 end as band,
               received, e from r) b
  group by grouping sets ((band), ())
),
tot as (select rec + nyr as n from agg where band = 5),
bands(code, band) as (values ('BAND_1_15', 1), ('BAND_16_25', 2), ('BAND_26_59', 3),
                             ('BAND_60_PLUS', 4), ('TOTAL', 5))
select bands.code, v.col, v.val
from bands left join agg using (band) cross join tot
cross join lateral (values
  ('RECEIVED', coalesce(agg.rec, 0)::text),
  ('NOT_YET_RECEIVED', coalesce(agg.nyr, 0)::text),
  ('TOTAL', coalesce(agg.rec + agg.nyr, 0)::text),
  ('PERCENT', case when tot.n = 0 then '' else round(100.0 * coalesce(agg.rec + agg.nyr, 0) / tot.n, 1)::text end),
  ('OUTSTANDING_MIN_WD', coalesce(agg.mn::text, '')),
  ('OUTSTANDING_MAX_WD', coalesce(agg.mx::text, ''))) v(col, val);

-- table: D1
with d as (
  select count(*) as total,
         count(*) filter (where r.decision = 'LCSPR') as lcspr,
         count(*) filter (where r.decision = 'NO_LCSPR') as no_lcspr
  from notification n
  left join rapid_review r on r.notification_ref = n.notification_ref and r.received_date <= :as_at
  where n.incident_date between :from and :to
)
select x.r, c.col,
       case c.col when 'COUNT' then x.c::text
       else case when d.total = 0 then '' else round(100.0 * x.c / d.total, 1)::text end end
from d cross join lateral (values ('LCSPR', d.lcspr), ('NO_LCSPR', d.no_lcspr),
  ('UNDECIDED', d.total - d.lcspr - d.no_lcspr), ('TOTAL', d.total)) x(r, c)
cross join (values ('COUNT'), ('PERCENT')) c(col);

-- table: D2
with k as (
  select case when n.notification_type <> 'DEATH' then 'NON_FATAL'
              when g.code_group in ('MALTREATMENT_FAMILY', 'EXTRA_FAMILIAL') then 'DEATH_MALTREATMENT_OR_EXTRA_FAMILIAL'
              when g.code_group = 'RELATED' then 'DEATH_RELATED'
              else 'DEATH_OTHER' end as kind,
         count(*) filter (where r.decision = 'LCSPR') as lcspr, count(*) as total
  from notification n
  left join code_list_entry g on g.list = 'death_category' and g.code = n.death_category
  left join rapid_review r on r.notification_ref = n.notification_ref and r.received_date <= :as_at
  where n.incident_date between :from and :to
  group by 1
),
rows(kind) as (values ('DEATH_MALTREATMENT_OR_EXTRA_FAMILIAL'), ('DEATH_RELATED'), ('DEATH_OTHER'), ('NON_FATAL'))
select rows.kind, v.col, v.val
from rows left join k using (kind)
cross join lateral (values
  ('LCSPR_COUNT', coalesce(k.lcspr, 0)::text),
  ('TOTAL_COUNT', coalesce(k.total, 0)::text),
  ('LCSPR_PERCENT', case when coalesce(k.total, 0) = 0 then '' else round(100.0 * k.lcspr / k.total, 1)::text end)) v(col, val);

-- table: D3
with d as (
  select count(*) filter (where r.panel_view = 'AGREE' and r.decision in ('LCSPR', 'NO_LCSPR')) as agree,
         count(*) filter (where r.panel_view = 'DISAGREE' and r.decision in ('LCSPR', 'NO_LCSPR')) as disagree,
         count(*) filter (where r.alternative_methodology) as alternative
  from notification n join rapid_review r on r.notification_ref = n.notification_ref
  where n.incident_date between :from and :to and r.received_date <= :as_at
)
select x.r, c.col,
       case c.col when 'COUNT' then x.c::text
       else case when d.agree + d.disagree = 0 then '' else round(100.0 * x.c / (d.agree + d.disagree), 1)::text end end
from d cross join lateral (values ('AGREE', d.agree), ('DISAGREE', d.disagree), ('TOTAL', d.agree + d.disagree)) x(r, c)
cross join (values ('COUNT'), ('PERCENT')) c(col)
union all
select 'ALTERNATIVE_METHODOLOGY', 'COUNT', d.alternative::text from d;

-- table: L1
with y as (
  select extract(year from l.initiated_date)::int as y, count(*) as c from lcspr l
  where l.initiated_date <= :as_at group by 1
)
select 'Y' || g, 'COUNT', coalesce(y.c, 0)::text
from generate_series(least((select min(y) from y), extract(year from cast(:as_at as date))::int),
                     extract(year from cast(:as_at as date))::int) g
left join y on y.y = g;

-- table: L2
with c as (
  select case when l.status in ('PUBLISHED', 'NOT_PUBLISHING') then l.status else l.publication_intention end as s,
         l.initiated_date, l.panel_notified_of_publication_date, l.publication_date
  from lcspr l where l.completed_date <= :as_at
),
a as (
  select count(*) filter (where s = 'PUBLISHED') as published,
         count(*) filter (where s = 'INTENDS_TO_PUBLISH') as intends,
         count(*) filter (where s = 'NOT_PUBLISHING') as not_publishing,
         count(*) filter (where s = 'NOT_DECIDED') as not_decided,
         count(*) as total,
         count(*) filter (where s = 'PUBLISHED' and wp.ordinal - wi.ordinal > 200) as over,
         count(*) filter (where s = 'PUBLISHED' and (c.panel_notified_of_publication_date is null
                                                     or wp.ordinal - wn.ordinal < 7)) as short
  from c
  left join working_day wi on wi.day = c.initiated_date
  left join working_day wn on wn.day = c.panel_notified_of_publication_date
  left join working_day wp on wp.day = c.publication_date
)
select x.r, 'COUNT', x.c::text
from a cross join lateral (values ('PUBLISHED', a.published), ('INTENDS_TO_PUBLISH', a.intends),
  ('NOT_PUBLISHING', a.not_publishing), ('NOT_DECIDED', a.not_decided), ('TOTAL', a.total),
  ('PUBLISHED_OVER_200_WD', a.over), ('PUBLISHED_SHORT_NOTICE', a.short)) x(r, c);

-- table: A1
with c as (
  select band, gender, grouping(band) as gb, grouping(gender) as gg, count(*) as n
  from (select case when c.age_years < 1 then 'UNDER_1' when c.age_years <= 4 then 'AGE_1_4'
                    when c.age_years <= 9 then 'AGE_5_9' when c.age_years <= 14 then 'AGE_10_14'
                    else 'AGE_15_17' end as band, c.gender
        from child c join notification n on n.id = c.notification_id
        where n.incident_date between :from and :to) x
  group by grouping sets ((band, gender), (band), (gender), ())
),
total as (select n from c where gb = 1 and gg = 1),
rows(r) as (values ('UNDER_1'), ('AGE_1_4'), ('AGE_5_9'), ('AGE_10_14'), ('AGE_15_17'), ('TOTAL')),
cols(col) as (values ('MALE'), ('FEMALE'), ('TRANSGENDER'), ('NOT_KNOWN'), ('TOTAL')),
cells as (
  select rows.r, cols.col,
         coalesce((select c.n from c
                   where (case when rows.r = 'TOTAL' then c.gb = 1 else c.gb = 0 and c.band = rows.r end)
                     and (case when cols.col = 'TOTAL' then c.gg = 1 else c.gg = 0 and c.gender = cols.col end)), 0) as n
  from rows cross join cols
)
select r, col, n::text from cells
union all
select cells.r, 'PERCENT', case when total.n = 0 then '' else round(100.0 * cells.n / total.n, 1)::text end
from cells cross join total where cells.col = 'TOTAL';

-- table: LA1
with live as (
  select code, old_la_code from local_authority
  where operation_date <= :to and (termination_date is null or termination_date >= :to)
),
per_code as (
  select la_code, count(*) as c from notification where incident_date between :from and :to group by 1
),
target as (
  select coalesce(l.code, (select min(l2.code) from live l2 join local_authority a on a.old_la_code = l2.old_la_code
                           where a.code = p.la_code and a.old_la_code <> 'x' having count(*) = 1)) as code, p.c
  from per_code p left join live l on l.code = p.la_code
),
per_la as (select live.code, coalesce(sum(t.c), 0) as n from live left join target t on t.code = live.code group by 1),
b as (
  select case when n = 0 then 'NONE' when n <= 2 then 'ONE_TO_TWO' when n <= 6 then 'THREE_TO_SIX'
              else 'SEVEN_PLUS' end as band, count(*) as c
  from per_la group by 1
),
tot as (select count(*) as t from per_la),
rows(band) as (values ('NONE'), ('ONE_TO_TWO'), ('THREE_TO_SIX'), ('SEVEN_PLUS'))
select rows.band, v.col, v.val
from rows left join b using (band) cross join tot
cross join lateral (values
  ('LA_COUNT', coalesce(b.c, 0)::text),
  ('PERCENT', case when tot.t = 0 then '' else round(100.0 * coalesce(b.c, 0) / tot.t, 1)::text end)) v(col, val)
union all
select 'TOTAL', v.col, v.val from tot
cross join lateral (values ('LA_COUNT', tot.t::text), ('PERCENT', case when tot.t = 0 then '' else '100.0' end)) v(col, val);

-- table: IMD1
with q as (
  select case when n.imd_decile is null then 'UNKNOWN' else 'QUINTILE_' || ((n.imd_decile + 1) / 2) end as q,
         count(*) as c
  from notification n where n.incident_date between :from and :to group by 1
),
tot as (select coalesce(sum(c) filter (where q <> 'UNKNOWN'), 0) as known, coalesce(sum(c), 0) as total from q),
rows(q) as (values ('QUINTILE_1'), ('QUINTILE_2'), ('QUINTILE_3'), ('QUINTILE_4'), ('QUINTILE_5'))
select rows.q, v.col, v.val
from rows left join q using (q) cross join tot
cross join lateral (values
  ('COUNT', coalesce(q.c, 0)::text),
  ('PERCENT', case when tot.known = 0 then '' else round(100.0 * coalesce(q.c, 0) / tot.known, 1)::text end)) v(col, val)
union all
select 'UNKNOWN', v.col, v.val from tot
cross join lateral (values ('COUNT', (tot.total - tot.known)::text), ('PERCENT', '')) v(col, val)
union all
select 'TOTAL', v.col, v.val from tot
cross join lateral (values ('COUNT', tot.total::text), ('PERCENT', '')) v(col, val);

-- table: CV1
with t as (
  select n.notification_type as type, array[
    count(*) filter (where 'PARENTAL_FAMILY_STRESSORS' = any(n.covid_factors)),
    count(*) filter (where 'CHILD_VULNERABILITY' = any(n.covid_factors)),
    count(*) filter (where 'SCHOOL_CLOSURE' = any(n.covid_factors)),
    count(*) filter (where 'COVID_SAFE_ADAPTATION' = any(n.covid_factors)),
    count(*) filter (where cardinality(n.covid_factors) > 0)] as counts
  from notification n where n.incident_date between :from and :to
  group by 1
),
rows(r, i) as (values ('PARENTAL_FAMILY_STRESSORS', 1), ('CHILD_VULNERABILITY', 2), ('SCHOOL_CLOSURE', 3), ('COVID_SAFE_ADAPTATION', 4), ('ANY_FACTOR', 5)),
types(type) as (values ('DEATH'), ('SERIOUS_HARM'), ('OTHER')),
cells as (
  select rows.r, types.type, coalesce(t.counts[rows.i], 0) as c
  from rows cross join types left join t on t.type = types.type
)
select r, type, c::text from cells
union all
select r, 'TOTAL', sum(c)::text from cells group by r;

-- table: TH1
with a as (
  select count(*) as coded,
         count(*) filter (where 'CHILD_DAILY_LIFE' = any(r.practice_themes)) as t1,
         count(*) filter (where 'RELUCTANT_ENGAGEMENT' = any(r.practice_themes)) as t2,
         count(*) filter (where 'CRITICAL_THINKING' = any(r.practice_themes)) as t3,
         count(*) filter (where 'CHANGING_RISK' = any(r.practice_themes)) as t4,
         count(*) filter (where 'INFORMATION_SHARING' = any(r.practice_themes)) as t5,
         count(*) filter (where 'LEADERSHIP_CULTURE' = any(r.practice_themes)) as t6
  from notification n join rapid_review r on r.notification_ref = n.notification_ref
  where n.incident_date between :from and :to and r.received_date <= :as_at
    and cardinality(r.practice_themes) > 0
)
select x.r, v.col, v.val
from a cross join lateral (values ('CHILD_DAILY_LIFE', a.t1), ('RELUCTANT_ENGAGEMENT', a.t2), ('CRITICAL_THINKING', a.t3), ('CHANGING_RISK', a.t4), ('INFORMATION_SHARING', a.t5), ('LEADERSHIP_CULTURE', a.t6)) x(r, c)
cross join lateral (values
  ('COUNT', x.c::text),
  ('PERCENT', case when a.coded = 0 then '' else round(100.0 * x.c / a.coded, 1)::text end)) v(col, val)
union all
select 'CODED_REVIEWS', v.col, v.val from a
cross join lateral (values ('COUNT', a.coded::text), ('PERCENT', '')) v(col, val);

-- table: Y1
with y as (
  select (case when req_impact = 'NONE' then 1 else 0 end
          + case when req_limited_progress = 'NONE' then 1 else 0 end
          + case when req_review_actions = 'NONE' then 1 else 0 end
          + case when req_child_family_feedback = 'NONE' then 1 else 0 end) as nones, y.*
  from yearly_report y where y.published_date between :from and :to
),
a as (
  select count(*) as total, count(*) filter (where nones >= 3) as not_evidenced,
         count(*) filter (where req_impact = 'FULL') as impact_full,
         count(*) filter (where req_impact = 'PARTIAL') as impact_partial,
         count(*) filter (where req_impact = 'NONE') as impact_none,
         count(*) filter (where req_limited_progress = 'FULL') as limited_progress_full,
         count(*) filter (where req_limited_progress = 'PARTIAL') as limited_progress_partial,
         count(*) filter (where req_limited_progress = 'NONE') as limited_progress_none,
         count(*) filter (where req_review_actions = 'FULL') as review_actions_full,
         count(*) filter (where req_review_actions = 'PARTIAL') as review_actions_partial,
         count(*) filter (where req_review_actions = 'NONE') as review_actions_none,
         count(*) filter (where req_child_family_feedback = 'FULL') as child_family_feedback_full,
         count(*) filter (where req_child_family_feedback = 'PARTIAL') as child_family_feedback_partial,
         count(*) filter (where req_child_family_feedback = 'NONE') as child_family_feedback_none
  from y
)
select x.r, 'COUNT', x.c::text
from a cross join lateral (values ('FULLY_OR_PARTLY', a.total - a.not_evidenced),
  ('NOT_EVIDENCED', a.not_evidenced), ('TOTAL', a.total),
  ('IMPACT_FULL', a.impact_full),
  ('IMPACT_PARTIAL', a.impact_partial),
  ('IMPACT_NONE', a.impact_none),
  ('LIMITED_PROGRESS_FULL', a.limited_progress_full),
  ('LIMITED_PROGRESS_PARTIAL', a.limited_progress_partial),
  ('LIMITED_PROGRESS_NONE', a.limited_progress_none),
  ('REVIEW_ACTIONS_FULL', a.review_actions_full),
  ('REVIEW_ACTIONS_PARTIAL', a.review_actions_partial),
  ('REVIEW_ACTIONS_NONE', a.review_actions_none),
  ('CHILD_FAMILY_FEEDBACK_FULL', a.child_family_feedback_full),
  ('CHILD_FAMILY_FEEDBACK_PARTIAL', a.child_family_feedback_partial),
  ('CHILD_FAMILY_FEEDBACK_NONE', a.child_family_feedback_none)) x(r, c);
