-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- Findings: the GeoJSON feature of one finding.

-- Findings as GeoJSON, one place for the API, the tiles' neighbours and the live feed. A set, so that the live
-- capture of 100,000 findings a recomputation stores is one query (0.07 ms a finding) rather than one call each
-- (a call from PL/pgSQL planned this query afresh: ~1 ms). The asset's name or category, the default owner, the
-- community and the street are joins, not a subquery each: for an import's 102,839 findings 2.1 s instead of
-- 2.6–2.8 s (psql, load average ~3; a subplan per row and lookup cost more than its index probe). A single finding
-- (finding_feature) still plans as index probes. The names stay a subquery a finding, with gates: the organisations
-- are not looked up for an empty list, the suggested fix's units not unpacked when it names none. Names computed
-- once per distinct list and joined back (2,324 lists for 102,839 findings) were no faster: the join on the lists
-- was planned from the statement's estimates, which inside an import are stale, and a nested loop over both took
-- minutes; a jsonb map of the lists looked up a finding was slower than the subquery.
create function finding_features(p_ids bigint[]) returns table (id bigint, feature jsonb)
language sql stable as $$
    select f.id, jsonb_build_object('type', 'Feature', 'id', f.id, 'geometry', ST_AsGeoJSON(f.geom, 7)::jsonb,
        'properties', jsonb_build_object(
            'code', f.finding_key, 'key', f.finding_key, 'kind', f.kind, 'status', f.status,
            'areaM2', round(f.area_m2::numeric, 1), 'lengthM', round(f.length_m::numeric, 1),
            'units', f.unit_codes, 'organisations', f.org_codes,
            'asset', case when f.asset_kind is not null then jsonb_build_object('kind', f.asset_kind, 'code', f.asset_code,
                -- a building by its name; a hazard has none, its category (a code the client words) says what it is
                'name', b.name, 'category', h.category_code) end,
            -- The name of every unit and organisation the finding or its suggested fix names by code: lists and popups
            -- show names first, codes only as secondary text.
            'names', (select coalesce(jsonb_object_agg(n.code, n.name), '{}') from (
                          select u.code, u.name from territory_unit u
                          where u.code = any(f.unit_codes
                                             || case when f.suggested_fix ? 'units'
                                                     then array(select jsonb_array_elements_text(f.suggested_fix -> 'units')) else '{}' end
                                             || array[f.suggested_fix ->> 'unit', f.suggested_fix ->> 'community'])
                          union all
                          select o.code, o.name from organisation o where cardinality(f.org_codes) > 0 and o.code = any(f.org_codes)) n),
            'defaultOwner', case when dou.id is not null then jsonb_build_object('code', dou.code, 'name', dou.name, 'kind', dou.kind) end,
            'community', cu.code,
            'street', st.code,
            'suggestedFix', f.suggested_fix, 'detail', f.detail,
            'explanation', jsonb_build_object('zh', f.explanation_zh, 'en', f.explanation_en),
            'assignee', f.assignee, 'caseIncidentCode', f.case_incident_code,
            'present', f.present, 'firstSeenAt', f.first_seen_at, 'updatedAt', f.updated_at))
    from finding f
    left join building b on f.asset_kind = 'building' and b.code = f.asset_code
    left join hazard h on f.asset_kind = 'hazard' and h.code = f.asset_code
    left join territory_unit dou on dou.id = f.default_owner_id
    left join territory_unit cu on cu.id = f.community_id
    left join territory_unit st on st.id = f.street_id
    where f.id = any(p_ids)
$$;

create function finding_feature(p_id bigint) returns jsonb
language sql stable as $$
    select feature from finding_features(array[p_id])
$$;
