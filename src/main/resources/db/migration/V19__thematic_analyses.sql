-- Issue 17 (thematic analyses). An analysis is the Panel's question over a population of
-- notifications (a filter over the published views of notifications, rapid reviews and LCSPRs),
-- a coding frame, a sample (and control group) drawn once with a recorded seed and frozen when
-- drawn, the coders each case is assigned, their codings and the resolutions of their
-- disagreements. Owned by the module learning.

create table thematic_analysis (
  id bigint generated always as identity primary key,
  ref text collate "C" not null unique,
  title text not null check (length(title) between 1 and 300),
  question text,
  lead_account_id bigint not null references account (id),
  lead_username text not null,
  status text not null default 'SCOPING'
    check (status in ('SCOPING', 'CODING', 'ANALYSIS', 'PUBLISHED')),
  -- the population (learning.Population as JSON)
  population jsonb not null,
  created_at timestamptz not null,
  created_by text not null,
  -- how the sample was drawn: set once, when drawn (learning.DrawRequest)
  drawn_at timestamptz,
  drawn_by text,
  seed bigint,
  sample_size integer,
  sample_percent numeric(6, 2),
  stratify text check (stratify in ('NONE', 'REGION', 'TYPE', 'CATEGORY')),
  control_size integer,
  control_population jsonb,
  -- how many notifications the population (and the control's, less the sample) held when drawn
  population_count integer,
  control_population_count integer,
  published_on date,
  constraint thematic_analysis_drawn_is_complete check
    ((drawn_at is null) = (seed is null) and (drawn_at is null) = (status = 'SCOPING')),
  constraint thematic_analysis_published_has_a_day check
    ((status = 'PUBLISHED') = (published_on is not null))
);

create index thematic_analysis_published on thematic_analysis (published_on)
  where status = 'PUBLISHED';

-- The coding frame: one row a code, in the frame's order.
create table analysis_frame_code (
  analysis_id bigint not null references thematic_analysis (id) on delete cascade,
  seq integer not null,
  code text collate "C" not null,
  label text not null,
  definition text not null,
  scale text not null check (scale in ('PRESENCE', 'IMPACT')),
  primary key (analysis_id, code),
  unique (analysis_id, seq)
);

-- The drawn cases, each as it was when drawn (a snapshot: a later change to the register does not
-- change it). No foreign key to the notification: a deleted notification's case stays, flagged.
create table analysis_case (
  analysis_id bigint not null references thematic_analysis (id) on delete cascade,
  notification_ref text collate "C" not null,
  grp text not null check (grp in ('SAMPLE', 'CONTROL')),
  position integer not null check (position >= 1),
  la_code text not null,
  region_code text,
  incident_date date not null,
  notification_type text not null,
  death_category text,
  harm_category text,
  age_band text,
  first_child_age integer,
  case_theme text not null,
  stratum text,
  primary key (analysis_id, notification_ref),
  unique (analysis_id, grp, position)
);

-- Who codes each case: its first coder and, for the double-coded share, a second (different) one.
create table analysis_assignment (
  analysis_id bigint not null,
  notification_ref text collate "C" not null,
  first_coder_id bigint not null references account (id),
  first_coder text not null,
  second_coder_id bigint references account (id),
  second_coder text,
  primary key (analysis_id, notification_ref),
  foreign key (analysis_id, notification_ref)
    references analysis_case (analysis_id, notification_ref) on delete cascade,
  check (second_coder_id is null or second_coder_id <> first_coder_id),
  check ((second_coder_id is null) = (second_coder is null))
);

-- One coder's value of one code for one case.
create table analysis_coding (
  analysis_id bigint not null,
  notification_ref text collate "C" not null,
  coder_id bigint not null references account (id),
  coder text not null,
  code text collate "C" not null,
  value text not null,
  coded_at timestamptz not null,
  primary key (analysis_id, notification_ref, coder_id, code),
  foreign key (analysis_id, notification_ref)
    references analysis_case (analysis_id, notification_ref) on delete cascade
);

-- A third person's resolution of a disagreement, kept beside both codings.
create table analysis_resolution (
  analysis_id bigint not null,
  notification_ref text collate "C" not null,
  code text collate "C" not null,
  resolver_id bigint not null references account (id),
  resolver text not null,
  value text not null,
  resolved_at timestamptz not null,
  primary key (analysis_id, notification_ref, code),
  foreign key (analysis_id, notification_ref)
    references analysis_case (analysis_id, notification_ref) on delete cascade
);
