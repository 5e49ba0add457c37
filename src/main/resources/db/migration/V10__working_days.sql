-- Working days in England (DATA-STANDARD.md section 1), one row a day, so that reports count working
-- days in SQL instead of row by row in Java. The calendar module stays the authority: after every
-- migration calendar.internal.WorkingDayTableLoader fills this table from WorkingDayCalendar (and
-- refills it when the calendar's bank holidays change), for the days of calendar.WorkingDayTable.
--   workingDaysBetween(a, b) = greatest(ordinal(b) - ordinal(a), 0)
--   addWorkingDays(a, n)     = the working day whose ordinal is ordinal(a) + n
create table working_day (
  day     date primary key,
  working boolean not null,
  -- working days from the table's first day up to and including this one
  ordinal int not null
);

create unique index working_day_ordinal_idx on working_day (ordinal) where working;

-- Reports select their notifications by incident date.
create index notification_incident_idx on notification (incident_date);
