-- Issue 15: the outbox carries an attachment (the Panel's response letter as a PDF, sent to the
-- partnership from the letter's page). One per email: its file name, media type and bytes, all
-- three or none.
alter table outbox_email add column attachment_name text;
alter table outbox_email add column attachment_type text;
alter table outbox_email add column attachment bytea;
alter table outbox_email add constraint outbox_email_attachment_whole check (
  (attachment is null) = (attachment_name is null)
  and (attachment is null) = (attachment_type is null));
