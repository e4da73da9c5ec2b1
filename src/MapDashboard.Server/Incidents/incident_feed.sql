-- The latest reports and stage changes of the district's incidents, newest first, for the wall's feed at start (the
-- live hub brings the later ones): read from the stage history the server keeps (incident_transition), one line per
-- report (null → reported) and per move to another stage; escalations and linked duplicates keep the stage and make
-- no line, as on the live feed. The place is the grid a reader knows by name (a micro-grid's parent), as the live
-- incident feature gives it. No personal data: no actor, note or description is read.
select coalesce(json_agg(json_build_object(
    'kind', case when e.from_stage is null then 'reported' else 'stage' end,
    'code', e.code, 'category', e.category_code, 'stage', e.to_stage, 'place', e.place, 'at', e.at
) order by e.at desc, e.id desc), '[]')::text
from (
    select t.id, t.from_stage, t.to_stage, t.at, i.code, i.category_code,
           (select case when g.kind = 'micro_grid' then p.code else g.code end
            from territory_unit g left join territory_unit p on p.id = g.parent_id
            where g.id = i.grid_id) as place
    from incident_transition t join incident i on i.id = t.incident_id
    where t.kind = 'transition' and t.from_stage is distinct from t.to_stage
    order by t.at desc, t.id desc
    limit @limit
) e;
