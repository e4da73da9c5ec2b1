-- GeoReport v2 service requests in the spec's field order. status is open or
-- closed; the richer stage and the routing are in extended_attributes. No
-- personal data (the reporter's contact) — these are public reads.
select coalesce(json_agg(json_build_object(
    'service_request_id', i.code,
    'status', case when i.stage = 'closed' then 'closed' else 'open' end,
    -- The latest note a person wrote (what the system did is a coded event, worded by each client).
    'status_notes', (select t.note from incident_transition t where t.incident_id = i.id and t.note <> '' order by t.at desc, t.id desc limit 1),
    'service_name', c.name_zh,
    'service_code', i.category_code,
    'description', i.description,
    'agency_responsible', r.name,
    'service_notice', i.ownership_reason,
    'requested_datetime', i.reported_at,
    'updated_datetime', i.updated_at,
    'expected_datetime', i.stage_due_at,
    'address', concat_ws(' ', s.name, cm.name, g.name),
    'address_id', g.code,
    'zipcode', null,
    'lat', round(ST_Y(i.location)::numeric, 7),
    'long', round(ST_X(i.location)::numeric, 7),
    -- The client's own URL if it sent one; else the first report photo stored here (sent as media), served to who may see it.
    'media_url', coalesce(i.photo_url, (select @photoBase::text || p.id from incident_photo p
                                        where p.incident_id = i.id and p.action = 'report' order by p.created_at, p.id limit 1)),
    'extended_attributes', json_build_object(
        'stage', i.stage,
        'overdue', incident_overdue(i),
        'escalation_level', case i.escalation_level when 0 then 'grid' when 1 then 'community' else 'street' end,
        'responsible_unit', r.code,
        'ownership_unclear', i.ownership_unclear,
        'reports', i.report_count,
        'rating', i.rating)
) order by i.reported_at desc, i.id desc), '[]')::text
from (
    select * from incident i
    where case when @ids::text[] is not null then i.code = any(@ids::text[])  -- ids override every other filter (spec)
          else (@codes::text[] is null or i.category_code = any(@codes::text[]))
           and i.reported_at >= @start and i.reported_at <= @end
           and (@statuses::text[] is null or (case when i.stage = 'closed' then 'closed' else 'open' end) = any(@statuses::text[]))
          end
    order by i.reported_at desc, i.id desc
    limit 1000
) i
join category c on c.code = i.category_code
left join territory_unit r on r.id = i.responsible_unit_id
left join territory_unit g on g.id = i.grid_id
left join territory_unit cm on cm.id = i.community_id
left join territory_unit s on s.id = i.street_id;
