-- Issue 17 (the quarterly learning briefing). A briefing is the Panel's learning for a quarter: the
-- quarter's figures, the practice themes found, the analyses published and learning excerpts the
-- secretariat picks from rapid reviews and LCSPRs. Each excerpt is approved only after a check that
-- no child's name or date of birth from the register is in it. Publishing freezes the briefing: the
-- content as laid out and its PDF are kept here as they were, and never change. Owned by the module
-- learning.

create table learning_briefing (
  id bigserial primary key,
  period_year integer not null check (period_year between 2000 and 2100),
  period_quarter integer not null check (period_quarter between 1 and 4),
  status text not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED')),
  introduction text,
  created_at timestamptz not null,
  created_by text not null,
  -- set when published, never before
  published_at timestamptz,
  published_by text,
  -- the briefing as laid out when published (JSON): what its page shows
  content_json jsonb,
  pdf bytea,
  pdf_sha256 text,
  unique (period_year, period_quarter),
  constraint learning_briefing_published_is_complete check
    ((status = 'PUBLISHED') = (published_at is not null and published_by is not null
                               and content_json is not null and pdf is not null
                               and pdf_sha256 is not null))
);

-- A learning excerpt: text taken from a rapid review's "learning identified" (the notification's
-- reference) or an LCSPR (its reference), perhaps edited, then approved after the check.
create table learning_excerpt (
  id bigserial primary key,
  briefing_id bigint not null references learning_briefing (id),
  source_kind text not null check (source_kind in ('RAPID_REVIEW', 'LCSPR')),
  source_ref text not null,
  text text not null,
  position integer not null,
  created_at timestamptz not null,
  created_by text not null,
  approved_at timestamptz,
  approved_by text,
  check ((approved_at is null) = (approved_by is null))
);

create index learning_excerpt_of_briefing on learning_excerpt (briefing_id, position);

-- A published briefing is never changed or removed, whatever the application asks.
create function learning_briefing_frozen() returns trigger language plpgsql as $$
begin
  if old.status = 'PUBLISHED' then
    raise exception 'learning briefing % is published and cannot be changed', old.id;
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;

create trigger learning_briefing_frozen before update or delete on learning_briefing
  for each row execute function learning_briefing_frozen();

-- Nor are its excerpts.
create function learning_excerpt_frozen() returns trigger language plpgsql as $$
begin
  if exists (select 1 from learning_briefing b
              where b.id = coalesce(old.briefing_id, new.briefing_id) and b.status = 'PUBLISHED') then
    raise exception 'learning briefing % is published: its excerpts cannot be changed',
      coalesce(old.briefing_id, new.briefing_id);
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;

create trigger learning_excerpt_frozen before insert or update or delete on learning_excerpt
  for each row execute function learning_excerpt_frozen();
