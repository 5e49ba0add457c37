-- Issue 19 (pages that stay fast). The register shows the review status of the 25 notifications on
-- its page. V17's view answers that with each LCSPR test as a hashed subplan over every LCSPR link:
-- right for filtering the whole register by a status, but about 1 ms for a page of 25. A second view
-- gives the same statuses shaped for looking up a few (a lateral look-up of each notification's
-- LCSPRs by index), and the rule that orders the steps is written once, in a function both use.

-- review: the furthest step a notification has reached, from what is known of its LCSPRs (any
-- published; any under way; any not to be published) and of its rapid review. A plain SQL function
-- (immutable, one expression), so PostgreSQL inlines it in each view's plan.
create function review_status_rule(lcspr_published boolean, lcspr_under_way boolean,
                                   lcspr_not_published boolean, panel_view_given boolean,
                                   rapid_review_status text)
  returns text
  language sql
  immutable
as $$
  select case
           when lcspr_published then 'LCSPR_PUBLISHED'
           when lcspr_under_way then 'LCSPR_UNDER_WAY'
           when lcspr_not_published then 'LCSPR_NOT_PUBLISHED'
           when panel_view_given then 'PANEL_VIEW_GIVEN'
           when rapid_review_status = 'SUBMITTED' then 'WITH_THE_PANEL'
           when rapid_review_status = 'DRAFT' then 'RAPID_REVIEW_DRAFT'
           else 'AWAITING_RAPID_REVIEW'
         end
$$;

-- review: V17's view (for filtering the register by a status), through the rule.
create or replace view notification_review_status as
select n.notification_ref,
       review_status_rule(
         exists (select 1 from lcspr_notification ln join lcspr l on l.id = ln.lcspr_id
                  where ln.notification_ref = n.notification_ref and l.status = 'PUBLISHED'),
         exists (select 1 from lcspr_notification ln join lcspr l on l.id = ln.lcspr_id
                  where ln.notification_ref = n.notification_ref
                    and l.status in ('INITIATED', 'COMPLETED', 'PUBLICATION_NOTIFIED')),
         exists (select 1 from lcspr_notification ln join lcspr l on l.id = ln.lcspr_id
                  where ln.notification_ref = n.notification_ref and l.status = 'NOT_PUBLISHING'),
         r.panel_view is not null,
         r.status) as review_status
  from published_notification n
  left join rapid_review r on r.notification_ref = n.notification_ref;

-- notification declares a second hook, as V17 the first: the same statuses, for a few notifications
-- named (a page of the register). Empty until review fills it in below.
create view notification_review_status_of_few as
select notification_ref, null::text as review_status
  from notification
 where false;

-- review fills it in: each notification's LCSPRs looked up by index, then the same rule.
create or replace view notification_review_status_of_few as
select n.notification_ref,
       review_status_rule(coalesce(x.published, false), coalesce(x.under_way, false),
                          coalesce(x.not_published, false), r.panel_view is not null,
                          r.status) as review_status
  from published_notification n
  left join rapid_review r on r.notification_ref = n.notification_ref
  left join lateral (
         select bool_or(l.status = 'PUBLISHED') as published,
                bool_or(l.status in ('INITIATED', 'COMPLETED', 'PUBLICATION_NOTIFIED')) as under_way,
                bool_or(l.status = 'NOT_PUBLISHING') as not_published
           from lcspr_notification ln
           join lcspr l on l.id = ln.lcspr_id
          where ln.notification_ref = n.notification_ref) x on true;
