-- What concerns the whole district (the findings settings): the district itself.
select d.id as unit_id, null::int as person_id from territory_unit d where d.kind = 'district' order by d.code limit 1
