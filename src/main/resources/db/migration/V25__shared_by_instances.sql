-- Issue 19: what several instances of the application share through PostgreSQL, so that any of
-- them can answer any request.

-- Signed-in sessions (Spring Session JDBC; its schema-postgresql.sql of spring-session-jdbc 4.0,
-- in lower case). A session's attributes are its sign-in, the page it was going to and the notify
-- journey's answers so far: serialised Java objects.
create table spring_session (
  primary_id char(36) not null,
  session_id char(36) not null,
  creation_time bigint not null,
  last_access_time bigint not null,
  max_inactive_interval int not null,
  expiry_time bigint not null,
  principal_name varchar(100),
  constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
  session_primary_id char(36) not null,
  attribute_name varchar(200) not null,
  attribute_bytes bytea not null,
  constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
  constraint spring_session_attributes_fk foreign key (session_primary_id)
    references spring_session (primary_id) on delete cascade
);

-- Rate limits shared by every instance. Fixed windows (sign-in attempts, API requests, refused
-- tokens; access.web.RateLimits): hits of a key in one minute, the minute being epoch
-- milliseconds / 60,000. Windows of earlier minutes are deleted as the limits go.
create table rate_limit_window (
  kind text not null,
  who text not null,
  minute bigint not null,
  hits integer not null,
  primary key (kind, who, minute)
);

-- Token buckets (the public pages' limit; web.PublicRateLimit): the tokens an address had left at
-- a time (epoch milliseconds), and whether its latest request was let through; full buckets are
-- deleted as the limits go.
create table rate_limit_bucket (
  kind text not null,
  who text not null,
  tokens double precision not null,
  at_millis bigint not null,
  granted boolean not null,
  primary key (kind, who)
);
