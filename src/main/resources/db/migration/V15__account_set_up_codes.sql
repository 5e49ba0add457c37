-- One-time set-up codes (the access module): an administrator adds an account, or resets its
-- password, and passes the code on; the person signs in with it once and chooses a password.
-- Only the code's SHA-256 hash is kept, with the instant it stops working.
alter table account add column set_up_code_hash text;
alter table account add column set_up_code_expires_at timestamptz;
alter table account add constraint account_set_up_code_check
  check ((set_up_code_hash is null) = (set_up_code_expires_at is null));
