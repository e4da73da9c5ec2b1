-- What a report is checked against: the land it can be routed on — the union of the streets, since routing
-- (routing_facts.sql) needs a street for every report, and the district boundary may reach past its streets'
-- (a survey's outline drawn looser than its parts) — and the incident categories.
select ST_Union(boundary) from territory_unit where kind = 'street';
select code from category where for_incidents;
