-- Writes the server's coverage settings. When the radius or the track rule changed, every stored hour was
-- measured with the old one: all of them are marked for recomputation (the time zone only moves day edges,
-- and grid-days are recomputed from the hours as they drain).
with old as (select * from patrol_coverage_setting),
upd as (
    update patrol_coverage_setting set visit_radius_m = @radius, track_gap_seconds = @gap,
                                      track_max_speed_mps = @speed, time_zone = @tz
    returning 1)
select case when (select count(*) from upd) > 0
             and exists (select 1 from old where (visit_radius_m, track_gap_seconds, track_max_speed_mps) <> (@radius, @gap, @speed))
            then patrol_coverage_mark_all() else 0 end
