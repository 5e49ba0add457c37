-- Issue 16 (editions). An edition is the Panel's report for a period, an as-at date and an area,
-- drafted and edited by the secretariat, then published. Publishing freezes it: its figures
-- (disclosure-controlled), the comparator's, the open data, its text, the report as laid out and
-- every file are kept here as they were, and never change when the register (or the code) does.
-- Owned by the module publication.

create table edition (
  id bigserial primary key,
  status text not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED')),
  period_kind text not null check (period_kind in ('YEAR', 'QUARTER', 'TWELVE_MONTHS')),
  period_year integer not null,
  -- the quarter (1 to 4) or the month the 12 months end in (1 to 12); null for a year
  period_number integer,
  period_from date not null,
  period_to date not null check (period_to >= period_from),
  as_at date not null check (as_at >= period_from),
  -- the region's GSS code, or null for England
  region_code text,
  area_name text not null,
  created_at timestamptz not null,
  created_by text not null,
  -- set when published, never before
  slug text unique,
  published_at timestamptz,
  published_by text,
  -- the report as laid out when published (PublishedReport as JSON): what its page shows
  report_json jsonb,
  -- the published edition of the same period and area this one revises, if any
  revises_edition_id bigint references edition (id),
  constraint edition_published_is_complete check
    ((status = 'PUBLISHED') = (slug is not null and published_at is not null
                               and published_by is not null and report_json is not null))
);

create index edition_published on edition (published_at desc) where status = 'PUBLISHED';

create index edition_same_period on edition (period_from, period_to, region_code);

-- The secretariat's text: one paragraph a table, edited while a draft, frozen when published.
create table edition_paragraph (
  edition_id bigint not null references edition (id),
  table_id text not null,
  text text not null,
  primary key (edition_id, table_id)
);

-- The geographies of a published edition's open data, in order (part 0 is the first).
create table edition_open_data_part (
  edition_id bigint not null references edition (id),
  part_no integer not null,
  time_period text not null,
  time_identifier text not null,
  geographic_level text not null,
  region_code text not null,
  region_name text not null,
  new_la_code text not null,
  old_la_code text not null,
  la_name text not null,
  primary key (edition_id, part_no)
);

-- A published edition's cells as published (controlled): its own (EDITION), the comparator
-- period's (COMPARATOR), and each open data part's (OPEN_DATA, part_no as above).
create table edition_cell (
  edition_id bigint not null references edition (id),
  kind text not null check (kind in ('EDITION', 'COMPARATOR', 'OPEN_DATA')),
  part_no integer not null default 0,
  seq integer not null,
  table_id text not null,
  row_code text not null,
  column_code text not null,
  value text,
  primary key (edition_id, kind, part_no, seq)
);

-- Every file of a published edition, rendered when it was published.
create table edition_file (
  edition_id bigint not null references edition (id),
  seq integer not null,
  name text not null,
  description text not null,
  media_type text not null,
  sha256 text not null,
  bytes bytea not null,
  primary key (edition_id, seq),
  unique (edition_id, name)
);

-- The figures that changed since the edition this one revises, in words.
create table edition_revision (
  edition_id bigint not null references edition (id),
  seq integer not null,
  table_caption text not null,
  row_label text not null,
  column_label text not null,
  before_value text not null,
  after_value text not null,
  primary key (edition_id, seq)
);

-- A published edition is never changed or removed, whatever the application asks.
create function edition_frozen() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE' and old.status = 'PUBLISHED' then
    raise exception 'edition % is published and cannot be changed', old.id;
  end if;
  if tg_op = 'DELETE' and old.status = 'PUBLISHED' then
    raise exception 'edition % is published and cannot be deleted', old.id;
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;

create trigger edition_frozen before update or delete on edition
  for each row execute function edition_frozen();

-- Nor are its paragraphs, cells, files or revisions (added when it is published, then kept).
create function edition_part_frozen() returns trigger language plpgsql as $$
begin
  if exists (select 1 from edition e where e.id = old.edition_id and e.status = 'PUBLISHED') then
    raise exception 'edition % is published: its % cannot be changed', old.edition_id, tg_table_name;
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;

create trigger edition_paragraph_frozen before update or delete on edition_paragraph
  for each row execute function edition_part_frozen();

create trigger edition_open_data_part_frozen before update or delete on edition_open_data_part
  for each row execute function edition_part_frozen();

create trigger edition_cell_frozen before update or delete on edition_cell
  for each row execute function edition_part_frozen();

create trigger edition_file_frozen before update or delete on edition_file
  for each row execute function edition_part_frozen();

create trigger edition_revision_frozen before update or delete on edition_revision
  for each row execute function edition_part_frozen();
