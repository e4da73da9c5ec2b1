-- What a report is checked against: the district's boundary and the incident categories.
select ST_Union(boundary) from territory_unit where kind = 'district';
select code from category where for_incidents;
