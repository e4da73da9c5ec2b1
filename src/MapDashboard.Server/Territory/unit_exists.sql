-- Whether a territory unit code names anything (a filter on an unknown unit is a 404, not an empty list).
select exists (select 1 from territory_unit where code = @code)
