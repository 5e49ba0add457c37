-- Reminders (issue 4): when a failed email is next tried. A send that fails is tried again after a
-- growing wait; after the configured number of attempts it is given up (left unsent, with its last
-- error). Null: as soon as the sender next runs.
alter table outbox_email add column next_attempt_at timestamptz;
