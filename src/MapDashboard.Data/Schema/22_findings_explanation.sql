-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- Findings: the plain-words explanation a click on the map shows, in zh-CN and en, stored with each finding.

-- How a unit or an asset is named in an explanation. The wording of a unit and of a building is an expression of
-- the row (…_label_of), so that a statement storing 100,000 findings can join the rows once (apply_findings)
-- instead of looking each one up.
create function finding_unit_label_of(p_code text, p_name text, p_kind text, p_lang text) returns text
language sql immutable as $$
    select case when p_lang = 'zh' then p_name || '（' || p_code || '）'
                else case territory_level(p_kind) when 'grid' then 'grid' when 'micro_grid' then 'micro-grid'
                                                  when 'police_grid' then 'police grid' else p_kind end
                     || ' ' || p_code end
$$;

create function finding_unit_label(p_code text, p_lang text) returns text
language sql stable as $$
    select finding_unit_label_of(u.code, u.name, u.kind, p_lang) from territory_unit u where u.code = p_code
$$;

create function finding_building_label_of(p_code text, p_name text, p_lang text) returns text
language sql immutable as $$
    select case when p_lang = 'zh' then '楼栋' || p_name || '（' || p_code || '）'
                else 'building ' || p_code || ' (' || p_name || ')' end
$$;

create function finding_asset_label(p_kind text, p_code text, p_lang text) returns text
language sql stable as $$
    select case when p_kind = 'building' then
               (select finding_building_label_of(b.code, b.name, p_lang) from building b where b.code = p_code)
           else
               (select case when p_lang = 'zh' then '隐患点' || c.name_zh || '（' || h.code || '）'
                            else 'hazard ' || h.code || ' (' || lower(c.name_en) || ')' end
                from hazard h join category c on c.code = h.category_code where h.code = p_code)
           end
$$;

create function finding_list(p_codes text[], p_lang text) returns text
language sql stable as $$
    select string_agg(finding_unit_label(c, p_lang), case when p_lang = 'zh' then '、' else ', ' end order by n)
    from unnest(p_codes) with ordinality x(c, n)
$$;

-- The words of an ownerless or unmanaged asset's finding, from its labels: the asset as finding_asset_label
-- names it (zh) and by kind and code (en), its default owner as finding_unit_label does (null: the district centre).
create function finding_asset_words(p_kind text, p_asset_kind text, p_asset_code text, p_asset_zh text,
                                    p_owner_zh text, p_owner_en text, p_lang text) returns text
language sql immutable as $$
    select case p_lang || ' ' || p_kind
        when 'zh ownerless' then format('%s没有登记产权人；按属地兜底，默认由%s负责。', p_asset_zh, coalesce(p_owner_zh, '区网格中心'))
        when 'en ownerless' then format('%s has no registered owner; by default %s is responsible.',
                                        initcap(p_asset_kind) || ' ' || p_asset_code, coalesce(p_owner_en, 'the district grid centre'))
        when 'zh unmanaged' then format('%s没有物业管理单位（无物业）；按属地兜底，默认由%s负责。', p_asset_zh, coalesce(p_owner_zh, '区网格中心'))
        when 'en unmanaged' then format('%s has no property manager; by default %s is responsible.',
                                        initcap(p_asset_kind) || ' ' || p_asset_code, coalesce(p_owner_en, 'the district grid centre'))
    end
$$;

-- The plain-words explanation a click on the map shows, in zh-CN and en.
create function finding_explain(c finding_candidate, out zh text, out en text)
language plpgsql stable as $$
declare
    v_area  text := to_char(round(c.area_m2), 'FM999,999,999,990');
    v_owner text := (select code from territory_unit where id = c.default_owner_id);
    v_owner_zh text := coalesce(finding_unit_label(v_owner, 'zh'), '区网格中心');
    v_owner_en text := coalesce(finding_unit_label(v_owner, 'en'), 'the district grid centre');
    v_strip boolean := coalesce((c.detail ->> 'widthM')::float8 * 4 < c.length_m, false);
    v_level text := c.detail ->> 'level';
    v_rest  text[] := c.unit_codes[2:];
begin
    case c.kind
    when 'gap' then
        zh := format('这块 %s 平方米的%s位于%s内%s，不属于任何%s；按属地兜底，默认由%s负责。',
            v_area, case when v_strip then '狭长地块' else '土地' end, finding_unit_label(c.unit_codes[1], 'zh'),
            case when cardinality(v_rest) > 0 then '、' || finding_list(v_rest, 'zh') || '之间' else '' end,
            case v_level when 'grid' then '网格' when 'micro_grid' then '微网格' when 'police_grid' then '警格'
                         when 'community' then '社区' else '街道' end, v_owner_zh);
        en := format('This %s m² %s inside %s%s belongs to no %s; by default %s is responsible.',
            v_area, case when v_strip then 'strip' else 'area' end, finding_unit_label(c.unit_codes[1], 'en'),
            case when cardinality(v_rest) > 0 then ', between ' || finding_list(v_rest, 'en') || ',' else '' end,
            case v_level when 'grid' then 'grid' when 'micro_grid' then 'micro-grid' when 'police_grid' then 'police grid'
                         else v_level end, v_owner_en);
    when 'overlap' then
        zh := format('这块 %s 平方米的土地同时划入了%s；按属地兜底，默认由%s决定归属。', v_area, finding_list(c.unit_codes, 'zh'), v_owner_zh);
        en := format('This %s m² area is claimed by both %s; by default %s decides which keeps it.', v_area, finding_list(c.unit_codes, 'en'), v_owner_en);
    when 'straddle' then
        zh := format('%s被网格边界切开（%s）；按属地兜底，默认由%s负责，建议调整边界使其整栋归入%s。',
            finding_asset_label('building', c.asset_code, 'zh'),
            (select string_agg(finding_unit_label(x ->> 'unit', 'zh') || ' ' || round((x ->> 'share')::numeric * 100) || '%', '，')
             from jsonb_array_elements(c.detail -> 'shares') x),
            v_owner_zh, finding_unit_label(c.unit_codes[1], 'zh'));
        en := format('%s is split by a grid boundary (%s); by default %s is responsible; suggested: move the boundary so it lies wholly in %s.',
            initcap(left(finding_asset_label('building', c.asset_code, 'en'), 1)) || substr(finding_asset_label('building', c.asset_code, 'en'), 2),
            (select string_agg(finding_unit_label(x ->> 'unit', 'en') || ' ' || round((x ->> 'share')::numeric * 100) || '%', ', ')
             from jsonb_array_elements(c.detail -> 'shares') x),
            v_owner_en, finding_unit_label(c.unit_codes[1], 'en'));
    when 'boundary_hazard' then
        zh := format('%s距%s的边界仅 %s 米，归哪个网格不明确；按属地兜底，默认由%s负责。',
            finding_asset_label('hazard', c.asset_code, 'zh'), finding_list(c.unit_codes, 'zh'),
            c.detail ->> 'distanceToBoundaryM', v_owner_zh);
        en := format('Hazard %s lies %s m from the boundary between %s, so it is unclear whose grid it is in; by default %s is responsible.',
            c.asset_code, c.detail ->> 'distanceToBoundaryM', finding_list(c.unit_codes, 'en'), v_owner_en);
    when 'police_mismatch' then
        zh := format('%s横跨%s个社区（%s），其中 %s 平方米不在其主要社区内；按属地兜底，默认由%s协调警格与网格。',
            finding_unit_label(c.unit_codes[1], 'zh'), cardinality(v_rest), finding_list(v_rest, 'zh'), v_area, v_owner_zh);
        en := format('Police grid %s spans %s communities (%s); %s m² of it lies outside its main community; by default %s lines the police grid up with the grids.',
            c.unit_codes[1], cardinality(v_rest), finding_list(v_rest, 'en'), v_area, v_owner_en);
    when 'ownerless', 'unmanaged' then
        zh := finding_asset_words(c.kind, c.asset_kind, c.asset_code, finding_asset_label(c.asset_kind, c.asset_code, 'zh'),
                                  v_owner_zh, v_owner_en, 'zh');
        en := finding_asset_words(c.kind, c.asset_kind, c.asset_code, null, v_owner_zh, v_owner_en, 'en');
    else
        zh := format('%s的产权有争议：%s都主张拥有；按属地兜底，默认由%s协调。', finding_asset_label(c.asset_kind, c.asset_code, 'zh'),
            (select string_agg(o.name, '、' order by o.code) from organisation o where o.code = any(c.org_codes)), v_owner_zh);
        en := format('%s is claimed by %s; by default %s mediates.', initcap(c.asset_kind) || ' ' || c.asset_code,
            array_to_string(c.org_codes, ' and '), v_owner_en);
    end case;
end
$$;
