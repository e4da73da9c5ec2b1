-- Every incident, closed ones too (a whole-layer export is a record, not the wall's "what is open"), with the live
-- feature's properties; never reporter contact, photo or description. Its time is when it was reported.
select i.id, i.location as geom, i.reported_at as at,
       jsonb_build_object('code', i.code, 'category', i.category_code, 'stage', i.stage,
           'reportedAt', i.reported_at, 'stageDueAt', i.stage_due_at, 'overdue', incident_overdue(i),
           'escalation', case i.escalation_level when 0 then 'grid' when 1 then 'community' else 'street' end,
           'responsibleUnit', ru.code, 'ownershipUnclear', i.ownership_unclear, 'reports', i.report_count,
           'grid', case when g.kind = 'micro_grid' then gp.code else g.code end,
           'stageEnteredAt', i.stage_entered_at) as properties
from incident i
left join territory_unit ru on ru.id = i.responsible_unit_id
left join territory_unit g on g.id = i.grid_id
left join territory_unit gp on gp.id = g.parent_id
