-- A Panel member's declared conflict of interest: it withdraws them from the cases of a local
-- authority whose incident date falls in [valid_from, valid_to] (valid_to null: open-ended).
-- Rows are never deleted: a withdrawn declaration keeps its history.
create table declared_interest (
  id           bigint generated always as identity primary key,
  account_id   bigint not null references account (id),
  la_code      text not null references local_authority (code),
  valid_from   date not null,
  valid_to     date,
  reason       text not null,
  declared_at  timestamptz not null,
  withdrawn_at timestamptz,
  check (valid_to is null or valid_to >= valid_from)
);

create index declared_interest_account_idx on declared_interest (account_id);
