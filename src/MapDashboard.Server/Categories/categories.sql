-- Hazard and incident categories with their names in both interface languages.
select coalesce(json_agg(json_build_object('code', code, 'nameZh', name_zh, 'nameEn', name_en,
                                           'forHazards', for_hazards, 'forIncidents', for_incidents)
                         order by sort_order, code), '[]'::json)::text
from category;
