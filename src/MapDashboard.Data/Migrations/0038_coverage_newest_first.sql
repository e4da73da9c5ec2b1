-- The coverage drain takes the newest finished worker-hours first (take_hours.sql): the present is what the wall shows, and
-- after a backlog (a server that was down, the demo's backfilled patrol day) the oldest hour is then rebuilt last,
-- so the district's patrol record reaches its 24 h age only once every hour inside the window is in. Oldest first,
-- the first worker's first hour made the record a day old while the other workers' hours still waited, and every
-- grid not yet rebuilt read as unwalked: red across the wall for the minutes the backlog took.
-- This index serves that order (read backwards) as the key index served the old one.
create index patrol_coverage_dirty_hour_idx on patrol_coverage_dirty (hour_start, worker_id);
