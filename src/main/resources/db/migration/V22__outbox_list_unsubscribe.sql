-- Issue 18: an email may carry an unsubscribe address (the learning library's monthly email and
-- its confirmation): sent as the List-Unsubscribe header, with List-Unsubscribe-Post for a
-- one-click unsubscribe (RFC 8058). Null for every other email.
alter table outbox_email add column list_unsubscribe text;
