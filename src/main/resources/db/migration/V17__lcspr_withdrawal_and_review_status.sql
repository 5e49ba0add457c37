-- Issue 15 (lists and LCSPRs). An LCSPR started by mistake can be withdrawn, with a reason: it is
-- kept (never deleted), shown on its timeline, and out of every count. And the register shows each
-- notification's review status without the notification module reading the review module's tables.

-- review: a withdrawn LCSPR keeps its row and says why, when and by whom.
alter table lcspr drop constraint lcspr_status_check;

alter table lcspr add constraint lcspr_status_check check (status in
  ('INITIATED', 'COMPLETED', 'PUBLICATION_NOTIFIED', 'PUBLISHED', 'NOT_PUBLISHING', 'WITHDRAWN'));

alter table lcspr add column withdrawn_reason text;

alter table lcspr add column withdrawn_at timestamptz;

alter table lcspr add column withdrawn_by text;

alter table lcspr add constraint lcspr_withdrawn_has_reason check
  ((status = 'WITHDRAWN') = (withdrawn_reason is not null and withdrawn_at is not null));

-- review publishes the LCSPRs reports count: a withdrawn one is not a review that happened, so it
-- leaves the published views (same columns as V12; analytics reads only these).
create or replace view published_lcspr as
select id, lcspr_ref, status, publication_intention, initiated_date, completed_date,
       panel_notified_of_publication_date, publication_date
  from lcspr
 where status <> 'WITHDRAWN';

create or replace view published_lcspr_notification as
select ln.lcspr_id, ln.notification_ref
  from lcspr_notification ln
 where exists (select 1 from lcspr l where l.id = ln.lcspr_id and l.status <> 'WITHDRAWN');

-- notification declares where its register reads each notification's review status (a code, one
-- row per notification that has one): nothing, until the review module (which may depend on
-- notification; notification may not depend on review) fills it in below. A view "hook", as V12's
-- change hooks are functions: named in SqlBoundaryTest.HOOKS.
create view notification_review_status as
select notification_ref, null::text as review_status
  from notification
 where false;

-- review implements it, from its own tables: the furthest step each notification has reached.
create or replace view notification_review_status as
select n.notification_ref,
       case
         when exists (select 1 from lcspr_notification ln join lcspr l on l.id = ln.lcspr_id
                       where ln.notification_ref = n.notification_ref and l.status = 'PUBLISHED')
           then 'LCSPR_PUBLISHED'
         when exists (select 1 from lcspr_notification ln join lcspr l on l.id = ln.lcspr_id
                       where ln.notification_ref = n.notification_ref
                         and l.status in ('INITIATED', 'COMPLETED', 'PUBLICATION_NOTIFIED'))
           then 'LCSPR_UNDER_WAY'
         when exists (select 1 from lcspr_notification ln join lcspr l on l.id = ln.lcspr_id
                       where ln.notification_ref = n.notification_ref
                         and l.status = 'NOT_PUBLISHING')
           then 'LCSPR_NOT_PUBLISHED'
         when r.panel_view is not null then 'PANEL_VIEW_GIVEN'
         when r.status = 'SUBMITTED' then 'WITH_THE_PANEL'
         when r.status = 'DRAFT' then 'RAPID_REVIEW_DRAFT'
         else 'AWAITING_RAPID_REVIEW'
       end::text as review_status
  from published_notification n
  left join rapid_review r on r.notification_ref = n.notification_ref;
