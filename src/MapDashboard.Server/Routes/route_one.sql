-- Read after the write's own statement: route_feature cannot see the row from the INSERT's RETURNING.
select route_feature(@id)::text
