-- A category's stage limits; no row = StageTimeLimits.Default.
select to_dispatch, to_accept, to_resolve from category_time_limit where category_code = @category;
