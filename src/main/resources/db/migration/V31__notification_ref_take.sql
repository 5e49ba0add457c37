-- V31: a new notification's reference in one call.
--
-- notification_ref_take(year) gives the next SIN-YYYY-NNNNN reference of a year that no
-- notification holds (one imported with its own reference, for instance): the numbers of the year's
-- sequence (V24) are taken until one is free, so a notification's reference costs one statement
-- instead of three (the year's sequence, its next number, whether that reference is taken). The
-- number has at least five digits, as SIN-YYYY-NNNNN says; a number past 99999 keeps all of its.
create function notification_ref_take(ref_year int) returns text
language plpgsql security definer set search_path from current as $$
declare
  n bigint;
  ref text;
begin
  loop
    n := notification_ref_next(ref_year);
    ref := 'SIN-' || ref_year || '-' || lpad(n::text, greatest(5, length(n::text)), '0');
    exit when not exists (select 1 from notification where notification_ref = ref);
  end loop;
  return ref;
end
$$;
