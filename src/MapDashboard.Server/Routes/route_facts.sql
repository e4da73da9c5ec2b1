-- What a comparison needs to know first: whether the route exists, its worker and its planned day.
select (select code from person where id = worker_id) as worker, planned_for::text as plannedfor from patrol_route where id = @id
