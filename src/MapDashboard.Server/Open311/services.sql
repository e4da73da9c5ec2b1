-- GeoReport v2 service list: one service per incident category, spec field
-- names and order. metadata is false: no category asks for extra attributes.
select coalesce(json_agg(json_build_object(
    'service_code', c.code,
    'service_name', c.name_zh,
    'description', c.name_en || coalesce(' — dispatched within ' || l.to_dispatch::text || ', resolved within ' || l.to_resolve::text, ''),
    'metadata', false,
    'type', 'realtime',
    'keywords', c.name_en,
    'group', case when c.for_hazards then '安全隐患 hazards' else '民生诉求 requests' end
) order by c.sort_order, c.code), '[]')::text
from category c left join category_time_limit l on l.category_code = c.code
where c.for_incidents and (@code::text is null or c.code = @code);
