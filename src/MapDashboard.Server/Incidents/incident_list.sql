-- Incidents for a wall list or a grid panel: in a unit's boundary (any level,
-- by location), optionally by stage, category, open or overdue; the most
-- overdue first, then the one due soonest, then the newest. No personal data.
with unit as (select boundary from territory_unit where code = @unit)
select coalesce(json_agg(json_build_object(
    'code', i.code, 'category', i.category_code, 'stage', i.stage,
    'location', json_build_array(round(ST_X(i.location)::numeric, 7), round(ST_Y(i.location)::numeric, 7)),
    'reportedAt', i.reported_at, 'stageDueAt', i.stage_due_at, 'overdue', incident_overdue(i),
    'escalation', case i.escalation_level when 0 then 'grid' when 1 then 'community' else 'street' end,
    'grid', (select code from territory_unit where id = i.grid_id),
    'responsibleUnit', (select code from territory_unit where id = i.responsible_unit_id),
    -- its name too: a micro-grid is not in the territory tree the client names units from
    'responsibleUnitName', (select name from territory_unit where id = i.responsible_unit_id),
    'ownershipUnclear', i.ownership_unclear, 'reports', i.report_count,
    -- For the dispatch desk's queue: what was said and where, in names a leader knows: the grid (a micro-grid's
    -- parent: micro-grids have codes only) and the building within 30 m of the point, if any.
    'description', i.description,
    'place', json_build_object(
        'grid', (select json_build_object('code', n.code, 'name', n.name)
                 from territory_unit g join territory_unit n on n.id = case when g.kind = 'micro_grid' then g.parent_id else g.id end
                 where g.id = i.grid_id),
        'building', (select json_build_object('code', b.code, 'name', b.name, 'compound', b.compound)
                     from building b
                     where b.footprint && ST_Expand(i.location, 0.0004) -- ~40 m: lets the index narrow before the metric test
                       and ST_DWithin(b.footprint::geography, i.location::geography, 30)
                     order by b.footprint::geography <-> i.location::geography, b.code limit 1))
) order by incident_overdue(i) desc, i.stage_due_at nulls last, i.reported_at desc), '[]')::text
from (
    select i.* from incident i
    where (@unit::text is null or ST_Covers((select boundary from unit), i.location))
      and (@stages::text[] is null or i.stage = any(@stages::text[]))
      and (@category::text is null or i.category_code = @category)
      and (@open::boolean is null or (i.stage <> 'closed') = @open)
      and (@overdue::boolean is null or incident_overdue(i) = @overdue)
    order by incident_overdue(i) desc, i.stage_due_at nulls last, i.reported_at desc
    limit @limit
) i;
