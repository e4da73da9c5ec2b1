-- A territory unit by code (a boundary edit, a route's grid): the unit itself.
select t.id as unit_id, null::int as person_id from territory_unit t where t.code = @key::text
