-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- Findings: the GeoJSON feature of one finding.

-- Findings as GeoJSON, one place for the API, the tiles' neighbours and the live feed. A set, so that the live
-- capture of 100,000 findings a recomputation stores is one query (0.07 ms a finding) rather than one call each
-- (a call from PL/pgSQL planned this query afresh: ~1 ms).
create function finding_features(p_ids bigint[]) returns table (id bigint, feature jsonb)
language sql stable as $$
    select f.id, jsonb_build_object('type', 'Feature', 'id', f.id, 'geometry', ST_AsGeoJSON(f.geom, 7)::jsonb,
        'properties', jsonb_build_object(
            'code', f.finding_key, 'key', f.finding_key, 'kind', f.kind, 'status', f.status,
            'areaM2', round(f.area_m2::numeric, 1), 'lengthM', round(f.length_m::numeric, 1),
            'units', f.unit_codes, 'organisations', f.org_codes,
            'asset', case when f.asset_kind is not null then jsonb_build_object('kind', f.asset_kind, 'code', f.asset_code,
                -- a building by its name; a hazard has none, its category (a code the client words) says what it is
                'name', (select b.name from building b where f.asset_kind = 'building' and b.code = f.asset_code),
                'category', (select h.category_code from hazard h where f.asset_kind = 'hazard' and h.code = f.asset_code)) end,
            -- The name of every unit and organisation the finding or its suggested fix names by code: lists and popups
            -- show names first, codes only as secondary text.
            'names', (select coalesce(jsonb_object_agg(n.code, n.name), '{}') from (
                          select u.code, u.name from territory_unit u
                          where u.code = any(f.unit_codes || array(select jsonb_array_elements_text(coalesce(f.suggested_fix -> 'units', '[]')))
                                             || array[f.suggested_fix ->> 'unit', f.suggested_fix ->> 'community'])
                          union all
                          select o.code, o.name from organisation o where o.code = any(f.org_codes)) n),
            'defaultOwner', (select jsonb_build_object('code', u.code, 'name', u.name, 'kind', u.kind)
                             from territory_unit u where u.id = f.default_owner_id),
            'community', (select code from territory_unit where id = f.community_id),
            'street', (select code from territory_unit where id = f.street_id),
            'suggestedFix', f.suggested_fix, 'detail', f.detail,
            'explanation', jsonb_build_object('zh', f.explanation_zh, 'en', f.explanation_en),
            'assignee', f.assignee, 'caseIncidentCode', f.case_incident_code,
            'present', f.present, 'firstSeenAt', f.first_seen_at, 'updatedAt', f.updated_at))
    from finding f
    where f.id = any(p_ids)
$$;

create function finding_feature(p_id bigint) returns jsonb
language sql stable as $$
    select feature from finding_features(array[p_id])
$$;
