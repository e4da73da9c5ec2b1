-- Recomputes the taken grid-days (coverage per grid and day: patrol_refresh_grid_days).
select patrol_refresh_grid_days(@grids, @days::date[]);
