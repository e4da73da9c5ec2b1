-- The code of a grid patrols are measured in (community, dedicated or micro grid), or nothing.
select code from territory_unit where code = @code and patrol_grid_kind(kind)
