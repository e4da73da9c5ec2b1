-- Removes a worker-hour that failed by itself from the coverage queue (it is recorded as a dead letter beside).
delete from patrol_coverage_dirty where worker_id = @worker_id and date_part('epoch', hour_start) = @hour_epoch;
