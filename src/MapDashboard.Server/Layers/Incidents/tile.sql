-- Open incidents for the wall: category, stage, overdue and escalation only.
-- Never personal data: no reporter contact, no photo, no description.
select i.id, i.code, i.category_code as category, i.stage, incident_overdue(i) as overdue,
       case i.escalation_level when 0 then 'grid' when 1 then 'community' else 'street' end as escalation,
       ST_AsMVTGeom(ST_Transform(i.location, 3857), bounds.tile, 4096, 64, true) as geom
from incident i, bounds
where i.location && bounds.area and i.stage <> 'closed'
