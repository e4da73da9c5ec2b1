-- A route's grid and worker by code; a null id for a code given but unknown.
select (select id from territory_unit where code = @grid and kind in ('community_grid', 'dedicated_grid', 'micro_grid')) as grid_id,
       (select id from person where code = @worker and role = 'grid_worker') as worker_id
