-- The ids of the people who patrol among the given person codes: grid workers (专职网格员) and party-member
-- volunteers (党员志愿者), who walk their grid with the field page too; a code not answered here is an unknown_worker.
select code, id from person where role in ('grid_worker', 'volunteer') and code = any(@codes)
