-- Accounts (the access module). Passwords are stored only as DelegatingPasswordEncoder hashes
-- ({argon2}...), recovery codes and API tokens only as SHA-256 hashes.
create table account (
  id               bigint generated always as identity primary key,
  username         text collate "C" not null unique check (username ~ '^[a-z0-9._-]{3,64}$'),
  role             text not null check (role in ('LA_NOTIFIER', 'PARTNERSHIP', 'PANEL_SECRETARIAT',
                                                 'PANEL_MEMBER', 'INSPECTOR', 'ADMIN')),
  -- By default each local authority is its own partnership, whose code is the LA's la_code.
  partnership_code text references local_authority (code),
  password_hash    text not null,
  -- The TOTP shared secret (Base32).
  totp_secret      text not null,
  -- The time step of the last accepted TOTP code: a code of that step or an earlier one is refused.
  last_totp_step   bigint,
  failed_attempts  int not null default 0 check (failed_attempts >= 0),
  locked_until     timestamptz,
  enabled          boolean not null default true,
  created_at       timestamptz not null,
  disabled_at      timestamptz,
  check ((role = 'PARTNERSHIP') = (partnership_code is not null))
);

-- The local authorities of an LA_NOTIFIER.
create table account_la (
  account_id bigint not null references account (id) on delete cascade,
  la_code    text   not null references local_authority (code),
  primary key (account_id, la_code)
);

-- Single-use recovery codes for when the authenticator is lost.
create table recovery_code (
  id         bigint generated always as identity primary key,
  account_id bigint not null references account (id) on delete cascade,
  code_hash  text   not null,
  used_at    timestamptz,
  unique (account_id, code_hash)
);

-- Personal API tokens (Authorization: Bearer), revocable.
create table api_token (
  id         bigint generated always as identity primary key,
  account_id bigint not null references account (id) on delete cascade,
  token_hash text   not null unique,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  check (expires_at > created_at)
);

create index api_token_account_idx on api_token (account_id);
