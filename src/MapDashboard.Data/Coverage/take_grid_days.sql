-- Takes up to @batch queued grid-days for this transaction (rows another drain holds are skipped), oldest day
-- first. Taken here rather than inside the SQL refresh so that, when the batch fails, the drain knows which
-- grid-days it held and can try them one by one and set aside the one that fails by itself.
with taken as (
    delete from patrol_grid_day_dirty x
    where (x.grid_id, x.day) in (select grid_id, day from patrol_grid_day_dirty
                                 order by day, grid_id limit @batch for update skip locked)
    returning x.grid_id, x.day)
select grid_id, day::text as day from taken order by day, grid_id;
