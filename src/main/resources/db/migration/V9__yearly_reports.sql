-- A safeguarding partnership's yearly report (DATA-STANDARD.md section 3): when it was published
-- and how it meets the four Working Together 2018 requirements, each FULL, PARTIAL or NONE
-- (REPORT-SPEC table Y1). By default each local authority is its own partnership, whose code is
-- the authority's GSS code.
create table yearly_report (
  id                         bigint generated always as identity primary key,
  partnership_code           text collate "C" not null,
  published_date             date not null,
  req_impact                 text not null check (req_impact in ('FULL', 'PARTIAL', 'NONE')),
  req_limited_progress       text not null check (req_limited_progress in ('FULL', 'PARTIAL', 'NONE')),
  req_review_actions         text not null check (req_review_actions in ('FULL', 'PARTIAL', 'NONE')),
  req_child_family_feedback  text not null check (req_child_family_feedback in ('FULL', 'PARTIAL', 'NONE')),
  unique (partnership_code, published_date)
);

create index yearly_report_published_idx on yearly_report (published_date);
