-- Whether the unit exists (404 otherwise).
select kind from territory_unit where code = @code
