-- Whether a territory unit code exists (an unknown unit is a 404, not an empty list).
select code from territory_unit where code = @code
