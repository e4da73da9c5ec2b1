-- The hazards the wall benchmark's changes cycle through.
select id from hazard order by id
