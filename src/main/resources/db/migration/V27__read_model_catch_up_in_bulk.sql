-- An import of many notifications (issue 19: a million at once) marked each of them for the report's
-- read model, and at commit the deferred trigger made them again one at a time: a delete and an
-- insert from the source views per notification, which took longer than the import itself. Now the
-- first of the trigger's calls at commit, when the transaction has marked many notifications, makes
-- all of them again in four set-wise statements and clears the marks; the calls that follow find
-- their mark gone and return at once. A transaction that marked a few (the pages, the API) is made
-- again one notification at a time, as before.

create or replace function report_read_model_catch_up() returns trigger language plpgsql as $$
begin
  if not exists (select 1 from report_read_model_pending where notification_id = new.notification_id) then
    return null; -- made again with the others already
  end if;
  if (select count(*) from (select 1 from report_read_model_pending limit 100) p) >= 100 then
    delete from report_case where notification_id in (select notification_id from report_read_model_pending);
    insert into report_case select s.* from report_case_source s
      where s.notification_id in (select notification_id from report_read_model_pending);
    delete from report_child where notification_id in (select notification_id from report_read_model_pending);
    insert into report_child select s.* from report_child_source s
      where s.notification_id in (select notification_id from report_read_model_pending);
    delete from report_read_model_pending;
  else
    perform report_read_model_refresh(new.notification_id);
    delete from report_read_model_pending where notification_id = new.notification_id;
  end if;
  return null;
end $$;
