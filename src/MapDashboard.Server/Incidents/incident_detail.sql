-- One incident as the leader view shows it, with its whole history. The
-- reporter's contact is left out: it is personal data and no view needs it.
select json_build_object(
    'code', i.code,
    'category', json_build_object('code', c.code, 'nameZh', c.name_zh, 'nameEn', c.name_en),
    'description', i.description,
    'location', json_build_array(round(ST_X(i.location)::numeric, 7), round(ST_Y(i.location)::numeric, 7)),
    'stage', i.stage,
    'source', i.source,
    'reportedAt', i.reported_at,
    'stageEnteredAt', i.stage_entered_at,
    'stageDueAt', i.stage_due_at,
    'overdue', incident_overdue(i),
    'escalation', case i.escalation_level when 0 then 'grid' when 1 then 'community' else 'street' end,
    'grid', (select json_build_object('code', code, 'name', name) from territory_unit where id = i.grid_id),
    'community', (select json_build_object('code', code, 'name', name) from territory_unit where id = i.community_id),
    'street', (select json_build_object('code', code, 'name', name) from territory_unit where id = i.street_id),
    'responsibleUnit', (select json_build_object('code', code, 'name', name, 'kind', kind) from territory_unit where id = i.responsible_unit_id),
    'worker', (select json_build_object('code', code, 'name', name) from person where id = i.worker_id),
    'ownershipUnclear', i.ownership_unclear,
    'ownershipReason', i.ownership_reason,
    'rating', i.rating,
    'reports', i.report_count,
    'photoUrl', i.photo_url,
    'closedAt', i.closed_at,
    'history', (select coalesce(json_agg(json_build_object('kind', t.kind, 'from', t.from_stage, 'to', t.to_stage,
                                                          'actor', t.actor, 'note', t.note, 'at', t.at) order by t.at, t.id), '[]')
                from incident_transition t where t.incident_id = i.id)
)::text
from incident i join category c on c.code = i.category_code
where i.code = @code;
