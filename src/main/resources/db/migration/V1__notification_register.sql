-- Reference data: filled after every migration from the files the project carries
-- (see reference.internal.ReferenceDataLoader).
create table region (
  code text primary key,
  name text not null
);

create table local_authority (
  code             text primary key,
  name             text not null,
  operation_date   date not null,
  termination_date date,
  region_code      text not null references region (code),
  old_la_code      text
);

create table code_list_entry (
  list       text not null,
  code       text not null,
  label      text not null,
  code_group text,
  ordinal    int  not null,
  primary key (list, code)
);

-- A serious incident notification (DATA-STANDARD.md section 3).
create table notification (
  id                     bigint generated always as identity primary key,
  notification_ref       text collate "C" not null unique,
  la_code                text not null references local_authority (code),
  incident_date          date not null,
  aware_date             date not null,
  notified_date          date not null,
  notification_type      text not null check (notification_type in ('DEATH', 'SERIOUS_HARM', 'OTHER')),
  death_category         text,
  harm_category          text,
  imd_decile             smallint check (imd_decile between 1 and 10),
  case_characteristics   text[] not null default '{}',
  domestic_abuse_pattern text,
  csc_involvement        text not null,
  court_order            text not null,
  living_arrangement     text not null,
  covid_factors          text[] not null default '{}',
  recorded_at            timestamptz not null,
  check (aware_date >= incident_date),
  check (notified_date >= aware_date),
  check ((notification_type = 'DEATH') = (death_category is not null)),
  check ((notification_type <> 'DEATH') = (harm_category is not null))
);

create index notification_la_idx on notification (la_code);
create index notification_notified_idx on notification (notified_date);
create index notification_type_idx on notification (notification_type);

-- A child named in a notification.
create table child (
  notification_id bigint   not null references notification (id) on delete cascade,
  child_seq       int      not null check (child_seq >= 1),
  gender          text     not null,
  age_years       smallint not null check (age_years between 0 and 17),
  ethnicity       text,
  child_name      text,
  date_of_birth   date,
  primary key (notification_id, child_seq)
);

-- The last number given in each year's SIN-YYYY-NNNNN references.
create table notification_ref_counter (
  year       int primary key,
  last_value int not null
);

-- API retries: a repeated Idempotency-Key returns the first result.
create table idempotency_key (
  idempotency_key  text primary key,
  request_hash     text not null,
  notification_ref text not null references notification (notification_ref) on delete cascade,
  recorded_at      timestamptz not null
);
