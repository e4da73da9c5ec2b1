-- What the edit did to the findings, compared with findings_before: created
-- (now present, not before), removed (present before, gone now) and changed
-- (same finding, new shape or explanation). Each listed largest first.
with summary as (
    select f.id, f.present, f.signature, f.area_m2,
           json_build_object('id', f.id, 'key', f.finding_key, 'kind', f.kind, 'areaM2', round(f.area_m2::numeric, 1),
                             'units', f.unit_codes, 'explanation', json_build_object('zh', f.explanation_zh, 'en', f.explanation_en)) as item
    from finding f)
select json_build_object(
    'created', coalesce((select json_agg(s.item order by s.area_m2 desc nulls last, s.id) from summary s
                         where s.present and not exists (select 1 from findings_before b where b.id = s.id)), '[]'),
    'removed', coalesce((select json_agg(s.item order by s.area_m2 desc nulls last, s.id) from summary s
                         join findings_before b on b.id = s.id where not s.present), '[]'),
    'changed', coalesce((select json_agg(s.item order by s.area_m2 desc nulls last, s.id) from summary s
                         join findings_before b on b.id = s.id where s.present and s.signature <> b.signature), '[]'))::text
