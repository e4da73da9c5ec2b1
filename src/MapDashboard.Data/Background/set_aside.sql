-- Sets one unit of background work aside (see migration 0021): a first failure inserts it, another failure of the
-- same unit counts an attempt and reopens it if an admin had marked it resolved.
insert into background_dead_letter (chore, unit_key, error)
values (@chore, @unit_key, @error)
on conflict (chore, unit_key) do update
set error = excluded.error, attempts = background_dead_letter.attempts + 1, last_failed_at = now(), resolved_at = null;
