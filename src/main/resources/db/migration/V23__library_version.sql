-- The learning library's version: a number that changes, in the same transaction, with every change
-- to its documents or pages (added, edited, published, withdrawn, a redacted PDF, deleted, emptied).
-- The public search keeps its answers keyed by it, so an answer is never served after the library
-- it was found in has changed, on any instance: each search reads the version first (a newer
-- library can only make the key newer, never an older answer pass for a newer library).
create table library_state (
  singleton boolean primary key default true check (singleton),
  version bigint not null
);
insert into library_state (singleton, version) values (true, 1);

create function library_changed() returns trigger language plpgsql as $$
begin
  update library_state set version = version + 1;
  return null;
end $$;

create trigger library_document_changed after insert or update or delete on library_document
  for each statement execute function library_changed();
create trigger library_document_emptied after truncate on library_document
  for each statement execute function library_changed();
create trigger library_page_changed after insert or update or delete on library_page
  for each statement execute function library_changed();
create trigger library_page_emptied after truncate on library_page
  for each statement execute function library_changed();
