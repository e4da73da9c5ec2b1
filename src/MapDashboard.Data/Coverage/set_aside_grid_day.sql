-- Removes a grid-day that failed by itself from the coverage queue (it is recorded as a dead letter beside).
delete from patrol_grid_day_dirty where grid_id = @grid_id and day = @day::date;
