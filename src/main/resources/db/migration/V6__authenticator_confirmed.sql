-- When the person first proved their authenticator app works (a valid code at first sign-in).
-- Until then, sign-in shows the QR code to set it up.
alter table account add column authenticator_confirmed_at timestamptz;
