-- How many grid-days wait in the coverage queue, counted up to @limit (one row per grid-day: the queue's key).
select count(*)::int from (select 1 from patrol_grid_day_dirty limit @limit) k;
