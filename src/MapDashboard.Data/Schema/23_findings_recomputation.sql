-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- Findings: a recomputation, full or of the subjects an edit touched, and how its result is stored (a stable
-- identity, so status and history survive) with the daily indicator series.

-- Today's row of the 30-day series for every street and community; earlier
-- days keep what they recorded. Accepted and resolved findings do not count.
-- Refreshes take turns: two edits committing at once both rebuilt today's row
-- (delete, then insert) and the second failed on the primary key, yet two users
-- reporting hazards at the same moment must both succeed. Each statement of
-- this volatile function sees what the previous refresher committed, so the
-- last one writes the complete day.
create function refresh_finding_daily() returns void
language sql as $$
    select pg_advisory_xact_lock(1296123460); -- 'MAFD'
    delete from finding_daily where day = current_date;
    insert into finding_daily (day, unit_id, kind, finding_count, area_m2)
    select current_date, u.unit_id, f.kind, count(*), coalesce(sum(f.area_m2), 0)
    from finding f
    cross join lateral (values (f.community_id), (f.street_id)) u(unit_id)
    where f.present and f.status in ('new', 'assigned') and u.unit_id is not null
    group by u.unit_id, f.kind;
$$;

-- Stores what a recomputation found. p_scope names the subjects that were
-- recomputed (null = all): a stored finding of those subjects that was not
-- found again is gone. Identity: the key; failing that, a stored finding of
-- the same kind and subject whose geometry the new one intersects takes the
-- new key (a gap reshaped by an edit is still the same gap, with its status).
create function apply_findings(p_found finding_candidate[], p_scope text[]) returns void
language plpgsql as $$
declare v_scoped bigint[];
begin
    -- The stored findings of the recomputed subjects, once. An edit's few subjects go through the GIN index; an
    -- import's 51,000 through a hash join: `subject && <51,000 subjects>` through GIN compared every key with every
    -- entry of the index's pending list (4 s for 10,000 new findings, growing with the square).
    v_scoped := case when p_scope is null then array(select x.id from finding x where x.present)
                     when cardinality(p_scope) <= 64 then array(select x.id from finding x where x.present and x.subject && p_scope)
                     else array(select distinct x.id from finding x cross join lateral unnest(x.subject) s(item)
                                join unnest(p_scope) sc(item) on sc.item = s.item where x.present) end;

    with found as (select * from unnest(p_found)),
    unmatched as (select * from found f where not exists (select 1 from finding x where x.finding_key = f.finding_key)),
    -- Materialised: usually none, and then no unmatched finding probes the geometry index for one.
    orphan as materialized (
        select * from finding x where x.present and x.id in (select unnest(v_scoped))
                 and not exists (select 1 from found f where f.finding_key = x.finding_key)),
    pairing as (
        select distinct on (o.id) o.id, u.finding_key
        from unmatched u join orphan o on o.kind = u.kind and o.subject && u.subject
                                      and o.geom && u.geom and ST_Intersects(o.geom, u.geom)
        order by o.id, u.finding_key),
    one_each as (select distinct on (finding_key) id, finding_key from pairing order by finding_key, id)
    update finding x set finding_key = one_each.finding_key from one_each where x.id = one_each.id;

    -- The community and street a finding lies in, looked up once per subject and geometry (an asset's findings —
    -- ownerless, unmanaged, disputed — share both), all at once (territory_units_at): as a subquery's lookups the
    -- planner ran them once per finding, one index probe each, half of storing an import's 102,000 findings.
    -- Where two communities overlap, the smaller holds the finding.
    with spot as materialized (
        select row_number() over () as ord, p.subject, p.shape, p.pt
        from (select distinct on (d.subject, d.shape) d.subject, d.shape, ST_PointOnSurface(d.geom) as pt
              from (select coalesce(f.subject, '{}') as subject, coalesce(md5(ST_AsEWKB(f.geom)), '') as shape, f.geom
                    from unnest(p_found) f) d) p),
    place as materialized (
        select s.subject, s.shape, cu.id as community_id, st.id as street_id
        from spot s
        left join territory_units_at(array(select pt from spot order by ord), '{community}') cu on cu.ord = s.ord
        left join territory_units_at(array(select pt from spot order by ord), '{street}') st on st.ord = s.ord)
    insert into finding as f (finding_key, kind, geom, area_m2, length_m, unit_codes, org_codes, asset_kind, asset_code,
                              subject, default_owner_id, community_id, street_id, suggested_fix, detail,
                              explanation_zh, explanation_en, signature, status)
    select c.finding_key, c.kind, c.geom, c.area_m2, c.length_m, c.unit_codes, c.org_codes, c.asset_kind, c.asset_code,
           c.subject, c.default_owner_id, place.community_id, place.street_id, c.suggested_fix, c.detail, e.zh, e.en,
           md5(concat_ws('|', ST_AsEWKB(c.geom)::text, round(c.area_m2::numeric, 2), c.unit_codes::text, c.org_codes::text,
                         c.default_owner_id, c.suggested_fix::text, c.detail::text, e.zh, e.en)),
           case when a.finding_key is not null then 'accepted' else 'new' end
    from unnest(p_found) c
    -- An import's 100,000 findings are nearly all ownerless or unmanaged buildings: worded here from their building
    -- and default owner joined once (finding_explain looked both up for each, ~0.1 ms a finding); the rest as before.
    left join territory_unit ou on ou.id = c.default_owner_id
    left join building ab on c.asset_kind = 'building' and ab.code = c.asset_code
    cross join lateral (
        select finding_asset_words(c.kind, c.asset_kind, c.asset_code, finding_building_label_of(ab.code, ab.name, 'zh'),
                                   finding_unit_label_of(ou.code, ou.name, ou.kind, 'zh'),
                                   finding_unit_label_of(ou.code, ou.name, ou.kind, 'en'), 'zh') as zh,
               finding_asset_words(c.kind, c.asset_kind, c.asset_code, null,
                                   finding_unit_label_of(ou.code, ou.name, ou.kind, 'zh'),
                                   finding_unit_label_of(ou.code, ou.name, ou.kind, 'en'), 'en') as en
        where c.kind in ('ownerless', 'unmanaged') and c.asset_kind = 'building'
        union all
        select x.zh, x.en from finding_explain(c) x
        where not (c.kind in ('ownerless', 'unmanaged') and c.asset_kind = 'building')) e
    join place on place.subject = coalesce(c.subject, '{}') and place.shape = coalesce(md5(ST_AsEWKB(c.geom)), '')
    left join finding_acceptance a on a.finding_key = c.finding_key
    on conflict (finding_key) do update set
        geom = excluded.geom, area_m2 = excluded.area_m2, length_m = excluded.length_m,
        unit_codes = excluded.unit_codes, org_codes = excluded.org_codes, subject = excluded.subject,
        default_owner_id = excluded.default_owner_id, community_id = excluded.community_id, street_id = excluded.street_id,
        suggested_fix = excluded.suggested_fix, detail = excluded.detail,
        explanation_zh = excluded.explanation_zh, explanation_en = excluded.explanation_en,
        signature = excluded.signature, present = true, last_seen_at = now(), updated_at = now(),
        -- Found again after it was resolved: the fix did not hold.
        status = case when excluded.status = 'accepted' then 'accepted'
                      when f.status = 'resolved' then 'new' else f.status end
    where f.signature <> excluded.signature or not f.present or f.status = 'resolved'
       or (excluded.status = 'accepted' and f.status <> 'accepted');

    update finding x set present = false, updated_at = now(),
           status = case when x.status in ('new', 'assigned') then 'resolved' else x.status end
    where x.present and x.id in (select unnest(v_scoped))
      and not exists (select 1 from unnest(p_found) f where f.finding_key = x.finding_key);

    perform refresh_finding_daily();
end
$$;

-- Recomputes the findings of the given subjects (nulls everywhere = all).
-- jit = off: the incremental recomputation inlines six detection queries into
-- one plan whose estimated cost passes jit_above_cost, and PostgreSQL then
-- spent ~300 ms compiling a query that runs in ~15 ms, on every edit, from
-- every client (psql and QGIS edits fire the same triggers).
create function recompute_findings(p_parents int[], p_units int[], p_police int[], p_buildings int[], p_hazards int[])
returns void
language plpgsql
set jit = off
as $$
declare
    v_all   boolean := p_parents is null and p_units is null and p_police is null and p_buildings is null and p_hazards is null;
    v_found finding_candidate[];
    v_scope text[];
begin
    if not v_all then
        p_parents := coalesce(p_parents, '{}'); p_units := coalesce(p_units, '{}'); p_police := coalesce(p_police, '{}');
        p_buildings := coalesce(p_buildings, '{}'); p_hazards := coalesce(p_hazards, '{}');
        v_scope := array(select 'parent:' || x from unnest(p_parents) x union all
                         select 'unit:' || x from unnest(p_units) x union all
                         select 'police:' || x from unnest(p_police) x union all
                         select 'building:' || x from unnest(p_buildings) x union all
                         select 'hazard:' || x from unnest(p_hazards) x);
    end if;
    -- One query per kind: a union of the set-returning functions would stop them being inlined.
    v_found := array(select c from detect_gaps(p_parents) c)
            || array(select c from detect_overlaps(p_units) c)
            || array(select c from detect_police_mismatch(p_police) c)
            || array(select c from detect_straddles(p_buildings) c)
            || array(select c from detect_boundary_hazards(p_hazards) c)
            || array(select c from detect_asset_findings(p_buildings, p_hazards) c);
    perform apply_findings(coalesce(v_found, '{}'), v_scope);
end
$$;

create function recompute_all_findings() returns void
language sql as $$ select recompute_findings(null, null, null, null, null) $$;

-- What a territory edit can affect: the edited units' own gaps (as parents),
-- their parents' gaps (old and new parent), overlaps with their siblings, the
-- police grids over them, and the buildings and hazards on them. p_areas holds
-- the old and new boundaries one by one: collected into one multipolygon they
-- would overlap, which GEOS rejects as invalid.
create function recompute_for_territory(p_units int[], p_parents int[], p_areas geometry[]) returns void
language sql as $$
    select recompute_findings(
        p_units || p_parents,
        p_units,
        array(select p.id from territory_unit p where p.kind = 'police_grid'
              and (p.id = any(p_units) or exists (select 1 from unnest(p_areas) a
                                                 where p.boundary && a and ST_Intersects(p.boundary, a)))),
        array(select distinct b.id from building b, unnest(p_areas) a where b.footprint && a and ST_Intersects(b.footprint, a)),
        array(select distinct h.id from hazard h, unnest(p_areas) a, finding_setting s
              where ST_DWithin(h.location, a, s.hazard_boundary_tolerance_m / 80000.0)))
$$;
