-- Each side of a step starts from the same patrol_ping: the baseline half hour (baseline_pings.sql) and nothing else.
-- Loaded as a bulk import (no per-ping triggers, as 0015 and 0018 allow for one), with the positions and the
-- statistics it would have in production (vacuumed by the caller: a table that size in production is not
-- vacuumed for the first time during a step); its coverage is not queued: the step's pings queue their hours.
-- In the coverage chore's order (it takes its queue rows, then reads the pings): the other order deadlocked with it.
begin;
lock table patrol_coverage_dirty, patrol_ping in access exclusive mode;
truncate patrol_coverage_dirty, patrol_ping;
set local session_replication_role = replica;
insert into patrol_ping (worker_id, recorded_at, location, accuracy_m) select worker_id, recorded_at, location, accuracy_m from bench_baseline;
insert into worker_position (worker_id, location, recorded_at, accuracy_m, published)
select distinct on (worker_id) worker_id, location, recorded_at, accuracy_m, true from bench_baseline order by worker_id, recorded_at desc
on conflict (worker_id) do update set location = excluded.location, recorded_at = excluded.recorded_at, accuracy_m = excluded.accuracy_m, published = true;
commit;
