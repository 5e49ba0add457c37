-- Issue 18 (the learning library). Every published review, searchable by anyone: published LCSPR
-- reports, the Panel's national reviews, thematic analyses and briefings, and earlier serious case
-- reviews, each with its metadata and its PDF's text, page by page, indexed for PostgreSQL's full
-- text search. Nothing is published before its text has been checked for the identifying details of
-- children (or the secretariat has overridden the check, with a reason). The public reads only
-- published documents, and that is enforced here: the public pages read through the role
-- observatory_library_reader, which may select from three views holding only published rows and
-- nothing else. Kept for good: there is no removal after five years. Owned by the module library.

create table library_document (
  id                bigint generated always as identity primary key,
  doc_type          text not null check (doc_type in
                      ('LCSPR', 'NATIONAL_REVIEW', 'THEMATIC', 'BRIEFING', 'SCR')),
  -- DRAFT until published; WITHDRAWN takes a published document out of the public library (kept).
  status            text not null default 'DRAFT' check (status in
                      ('DRAFT', 'PUBLISHED', 'WITHDRAWN')),
  title             text not null check (length(title) between 1 and 300),
  published_on      date not null,
  la_code           text references local_authority (code),
  region_code       text references region (code),
  -- the LCSPR whose report this is (the review module's reference, checked through its Java API)
  lcspr_ref         text collate "C",
  -- for a thematic analysis or a briefing: what it came from (e.g. 'analysis:12', 'briefing:2020-Q2')
  source_ref        text collate "C",
  review_model      text check (review_model in
                      ('SYSTEMS', 'SILP', 'APPRECIATIVE_INQUIRY', 'TRADITIONAL', 'HYBRID', 'OTHER')),
  -- the notifications the document is about (from its LCSPR): their children's identifying details
  -- are what its text is checked against first
  notification_refs text[] not null default '{}',
  age_bands         text[] not null default '{}',
  -- death_category and harm_category codes (the two lists share no code)
  categories        text[] not null default '{}',
  themes            text[] not null default '{}',
  keywords          text[] not null default '{}',
  summary           text,
  learning          text,
  recommendations   text,
  pdf               bytea,
  pdf_sha256        text,
  pdf_filename      text,
  page_count        integer check (page_count >= 0),
  -- NO_FILE: no PDF yet; TEXT: its text was extracted; NO_TEXT: a PDF with no text (scanned),
  -- flagged for attention (it can be published only by an override, as it cannot be checked)
  text_status       text not null default 'NO_FILE' check (text_status in
                      ('NO_FILE', 'TEXT', 'NO_TEXT')),
  -- the identifying-details check of the text and the metadata's words
  check_status      text not null default 'NOT_CHECKED' check (check_status in
                      ('NOT_CHECKED', 'CLEAR', 'BLOCKED', 'OVERRIDDEN')),
  -- where the check found something: [{"where": "PAGE", "page": 3, "line": 12, "kind": "NAME"}]
  -- (never what: no name or date is stored)
  check_findings    jsonb not null default '[]',
  checked_at        timestamptz,
  override_reason   text,
  overridden_by     text,
  overridden_at     timestamptz,
  -- weighted: title A; summary, learning and keywords B; recommendations C; the PDF's text D
  search_tsv        tsvector not null default ''::tsvector,
  version           integer not null default 1 check (version >= 1),
  created_at        timestamptz not null,
  created_by        text not null,
  updated_at        timestamptz not null,
  published_at      timestamptz,
  published_by      text,
  constraint library_document_published_is_checked check
    (status = 'DRAFT' or (check_status in ('CLEAR', 'OVERRIDDEN') and published_at is not null)),
  constraint library_document_override_has_reason check
    ((check_status = 'OVERRIDDEN') = (override_reason is not null and overridden_by is not null
                                      and overridden_at is not null)),
  constraint library_document_file_is_whole check
    ((pdf is null) = (pdf_sha256 is null) and (pdf is null) = (text_status = 'NO_FILE'))
);

create index library_document_search_idx on library_document using gin (search_tsv);
create index library_document_status_date_idx on library_document (status, published_on desc, id);
create unique index library_document_source_idx on library_document (doc_type, source_ref)
  where source_ref is not null;
create index library_document_lcspr_idx on library_document (lcspr_ref) where lcspr_ref is not null;

-- The PDF's text, page by page (so a search says on which pages its words are).
create table library_page (
  document_id bigint not null references library_document (id) on delete cascade,
  page_no     integer not null check (page_no >= 1),
  text        text not null,
  tsv         tsvector not null,
  primary key (document_id, page_no)
);

create index library_page_tsv_idx on library_page using gin (tsv);

-- People who asked for the monthly email of new publications: double opt-in (PENDING until the
-- link in the first email is followed), one-click unsubscribe. Only a hash of the secret in their
-- links is kept.
create table library_subscriber (
  id              bigint generated always as identity primary key,
  email           text not null check (length(email) between 3 and 254),
  status          text not null check (status in ('PENDING', 'CONFIRMED', 'UNSUBSCRIBED')),
  token_sha256    text not null unique,
  created_at      timestamptz not null,
  confirmed_at    timestamptz,
  unsubscribed_at timestamptz
);

create unique index library_subscriber_email_idx on library_subscriber (lower(email));

-- The monthly email, sent once a month whatever the number of instances: the month's row is the
-- claim (inserted once), with what was sent.
create table library_mailing (
  month       date primary key check (extract(day from month) = 1),
  sent_at     timestamptz not null,
  documents   integer not null,
  recipients  integer not null
);

-- What the public may read: published documents only, and nothing of a draft, not even its pages.
create view library_public_document as
select id, doc_type, title, published_on, la_code, region_code, review_model, age_bands,
       categories, themes, keywords, summary, learning, recommendations, page_count, pdf_sha256,
       pdf_filename, text_status, search_tsv, published_at, updated_at
  from library_document
 where status = 'PUBLISHED';

create view library_public_page as
select p.document_id, p.page_no, p.text, p.tsv
  from library_page p
 where exists (select 1 from library_document d
                where d.id = p.document_id and d.status = 'PUBLISHED');

create view library_public_file as
select id, pdf, pdf_sha256, pdf_filename
  from library_document
 where status = 'PUBLISHED' and pdf is not null;

-- The public pages' role: it logs in as nobody; the application switches to it (set local role)
-- for every public read, and then it may select from the three views above and nothing else.
do $$
begin
  if not exists (select from pg_roles where rolname = 'observatory_library_reader') then
    create role observatory_library_reader nologin;
  end if;
  execute format('grant usage on schema %I to observatory_library_reader', current_schema());
end;
$$;

grant select on library_public_document, library_public_page, library_public_file
  to observatory_library_reader;

-- The owner may take the role too (the application's own role is given it after every migration).
grant observatory_library_reader to current_user;
