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
    'worker', (select json_build_object('code', code, 'name', name, 'role', role) from person where id = i.worker_id),
    -- A co-building unit (共驻共建单位) the desk sent it to instead of a person; an organisation, not personal data.
    'organisation', (select json_build_object('code', code, 'name', name, 'kind', kind) from organisation where id = i.organisation_id),
    -- The incident this one was linked to as the same problem (the desk closed this copy).
    'duplicateOf', (select d.code from incident d where d.id = i.duplicate_of_id),
    'ownershipUnclear', i.ownership_unclear,
    'ownershipReason', i.ownership_reason,
    'rating', i.rating,
    'reports', i.report_count,
    'photoUrl', i.photo_url,
    -- The photos stored here, by step, oldest first: where to fetch them (served to who may see them) and their
    -- size. Who uploaded them is not listed (the audit trail has it).
    'photos', (select coalesce(json_agg(json_build_object('id', p.id, 'action', p.action,
                                                         'url', '/api/photos/' || p.id, 'thumbnailUrl', '/api/photos/' || p.id || '/thumbnail',
                                                         'contentType', p.content_type, 'width', p.width, 'height', p.height,
                                                         'createdAt', p.created_at) order by p.created_at, p.id), '[]')
               from incident_photo p where p.incident_id = i.id),
    'closedAt', i.closed_at,
    -- Where ownership is unclear at the incident's point (a gap, an overlap, a disputed wall): the
    -- findings it falls in, so whoever handles it knows why routing chose this owner. Within 1 m, so a
    -- report placed on a disputed hazard point finds it.
    'findings', (select coalesce(json_agg(json_build_object('id', f.id, 'kind', f.kind, 'status', f.status,
                                                           'areaM2', round(f.area_m2::numeric, 1),
                                                           'explanation', json_build_object('zh', f.explanation_zh, 'en', f.explanation_en))
                                          order by f.area_m2 desc nulls last, f.id), '[]')
                 from finding f
                 where f.geom && ST_Expand(i.location, 0.0001) -- ~10 m: lets the index narrow before the metric test
                   and f.present and f.status in ('new', 'assigned')
                   and ST_DWithin(f.geom::geography, i.location::geography, 1)),
    -- The finding this incident is (or, once closed, was) the case of, if it was opened from one.
    'caseOf', (select json_build_object('id', f.id, 'kind', f.kind, 'status', f.status)
               from finding f
               where f.case_incident_code = i.code
                  or f.id = (select h.finding_id from finding_history h
                             where h.event = 'case_opened' and h.params ->> 'incident' = i.code order by h.id desc limit 1)
               order by f.case_incident_code = i.code desc nulls last limit 1),
    -- What happened is a code with parameters (worded by the client); note is what a person typed.
    'history', (select coalesce(json_agg(json_build_object('kind', t.kind, 'from', t.from_stage, 'to', t.to_stage,
                                                          'actor', t.actor, 'event', t.event, 'params', t.params,
                                                          'note', t.note, 'at', t.at,
                                                          -- Whom a dispatch or reassignment sent it to (params hold the code).
                                                          'assignedPerson', (select json_build_object('code', p.code, 'name', p.name, 'role', p.role)
                                                                             from person p where t.params ->> 'kind' = 'person' and p.code = t.params ->> 'assignee'),
                                                          'assignedOrganisation', (select json_build_object('code', o.code, 'name', o.name)
                                                                                   from organisation o where t.params ->> 'kind' = 'organisation' and o.code = t.params ->> 'assignee'))
                                          order by t.at, t.id), '[]')
                from incident_transition t where t.incident_id = i.id)
)::text
from incident i join category c on c.code = i.category_code
where i.code = @code;
