-- Why a notification was sent more than 5 working days after the local authority became aware
-- (DATA-STANDARD.md section 1), as the notifier explained before sending it. Not a field of the
-- data standard: kept with the notification, shown on its pages, never in the CSV export.
alter table notification add column late_reason text;
