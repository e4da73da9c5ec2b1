-- How many worker-hours wait in the coverage queue, counted up to @limit. Keys, not rows: the queue holds a row
-- per ping statement and hour (no unique key, so ingest never waits), and a read decides on the work, not the rows.
select count(*)::int from (select distinct worker_id, hour_start from patrol_coverage_dirty limit @limit) k;
