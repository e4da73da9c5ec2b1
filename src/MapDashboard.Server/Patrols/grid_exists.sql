-- Whether a code names a grid a worker or a route can belong to.
select exists (select 1 from territory_unit where code = @code and kind in ('community_grid', 'dedicated_grid', 'micro_grid'))
