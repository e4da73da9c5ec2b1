-- The ids of the grid workers among the given person codes: pings come only
-- from grid workers (the people who patrol), and a code not answered here is
-- an unknown_worker.
select code, id from person where role = 'grid_worker' and code = any(@codes)
