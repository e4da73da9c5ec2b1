-- The boundary of a subscription area named by code, with its kind so the
-- hub can check the client asked for the kind it named.
select kind, boundary from territory_unit where code = @code;
