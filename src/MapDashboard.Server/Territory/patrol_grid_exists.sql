-- Whether a code names a grid patrols are measured in and workers and routes belong to
-- (a community, dedicated or micro grid).
select exists (select 1 from territory_unit where code = @code and patrol_grid_kind(kind))
