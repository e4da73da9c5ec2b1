-- Every colour has its reason (issue 18): the grid status rule's verdict is stored with the colour, as codes and
-- figures ([{rule, value, threshold}], GridStatusRule), so the card, the wall's legend and the live feed say why a
-- grid is red or yellow in the reader's language. Written by the server's recolouring, like status.
alter table territory_unit add column status_reasons jsonb not null default '[]';

-- Planned vs walked counts only walking after the route was given to its worker in its present shape: the time it
-- was assigned (kept by a trigger in Schema/30_patrol_routes.sql). Routes saved before this version: their last save.
alter table patrol_route add column assigned_at timestamptz;
update patrol_route set assigned_at = updated_at where worker_id is not null;
