-- Who has viewed a record, kept as one row a person (issue 19: a notification's page that stays
-- fast). The case page's "who has viewed this case" counted every VIEWED entry of the record in
-- audit_entry on every view: 2.6 ms at 2,600 views, twice a page, and growing with each view.
-- Now the sealer, as it seals entries into the chain, adds them to this summary in the same
-- transaction, so what is sealed is counted here exactly once; the page adds the few entries not
-- yet sealed (the sealer runs every second) from audit_entry. The audit log itself is unchanged,
-- and remains the record: this table is a reading of it that the sealer keeps up to date.
create table audit_viewer (
  record_ref  text collate "C" not null,
  actor       text not null,
  views       bigint not null,
  shown       bigint not null,
  last_viewed timestamptz not null,
  primary key (record_ref, actor)
);

insert into audit_viewer (record_ref, actor, views, shown, last_viewed)
select record_ref, actor,
       count(*) filter (where action = 'VIEWED'),
       count(*) filter (where action = 'IDENTIFYING_DETAILS_SHOWN'),
       max(recorded_at)
  from audit_entry
 where chain_pos is not null and record_ref is not null
   and action in ('VIEWED', 'IDENTIFYING_DETAILS_SHOWN')
 group by record_ref, actor;
