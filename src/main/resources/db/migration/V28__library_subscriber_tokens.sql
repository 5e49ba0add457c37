-- Every link token a subscriber was sent (its SHA-256 only), so that the unsubscribe link in ANY
-- email they got works, not only the newest one's: mail programs offer "unsubscribe" on an old
-- message too (RFC 8058). library_subscriber.token_sha256 stays the newest token.
create table library_subscriber_token (
  token_sha256  text primary key,
  subscriber_id bigint not null references library_subscriber (id),
  issued_at     timestamptz not null
);

create index library_subscriber_token_subscriber_idx on library_subscriber_token (subscriber_id);

insert into library_subscriber_token (token_sha256, subscriber_id, issued_at)
  select token_sha256, id, created_at from library_subscriber;
