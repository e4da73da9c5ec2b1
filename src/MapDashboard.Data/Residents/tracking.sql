-- What a resident's tracking page shows: the stages with times, the category, the description and the photos of the
-- report and of the resolution. Nothing about staff: no worker, no actor, no note (a person may have typed a name);
-- only the event codes with their parameters (units and levels, never people), which the client words.
select json_build_object(
    'code', i.code,
    'category', json_build_object('code', c.code, 'nameZh', c.name_zh, 'nameEn', c.name_en),
    'description', i.description,
    'location', json_build_array(ST_X(i.location), ST_Y(i.location)),
    'stage', i.stage,
    'reportedAt', i.reported_at,
    'stageEnteredAt', i.stage_entered_at,
    'closedAt', i.closed_at,
    'rating', i.rating,
    'canRate', i.stage = 'resolved',
    'photos', coalesce((
        select json_agg(json_build_object('id', p.id, 'action', p.action, 'width', p.width, 'height', p.height)
                        order by p.created_at, p.id)
        from incident_photo p where p.incident_id = i.id and p.action in ('report', 'resolve')), '[]'::json),
    'history', coalesce((
        select json_agg(json_build_object('kind', h.kind, 'from', h.from_stage, 'to', h.to_stage,
                                          'event', h.event, 'params', h.params, 'at', h.at) order by h.at, h.id)
        from incident_transition h where h.incident_id = i.id and h.kind <> 'duplicate'), '[]'::json)
)::text
from incident_tracking t
join incident i on i.id = t.incident_id
join category c on c.code = i.category_code
where t.token_sha256 = @hash;
