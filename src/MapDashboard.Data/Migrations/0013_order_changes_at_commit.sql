-- Capture used to take the ordering lock at a transaction's first captured row
-- and hold it to commit, so every writer waited for whatever another writer
-- still did after its first change (finding recomputation, a QGIS session's
-- later edits). Now capture only records the change; its seq is assigned at
-- commit by a deferred trigger, which is when the lock is taken. Seq order is
-- still commit order, and the lock is held for the last moment of a commit only.
alter table change_log drop constraint change_log_pkey;
alter table change_log alter column seq drop not null;
alter table change_log add column capture_id bigint generated always as identity primary key;
create unique index change_log_seq_key on change_log (seq);
-- Uncommitted rows of this transaction waiting for their seq; other transactions' are invisible.
create index change_log_unordered_idx on change_log (capture_id) where seq is null;

create or replace function capture_change() returns trigger
language plpgsql as $$
declare
    v_new     jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
    v_old     jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
    v_row     jsonb := coalesce(v_new, v_old);
    v_layer   text  := tg_argv[0];
    v_id      bigint := (v_row ->> tg_argv[2])::bigint;
    v_feature jsonb;
begin
    if tg_op = 'UPDATE' and v_new = v_old then
        return null; -- nothing a map could see has changed
    end if;
    -- A bulk load is not a stream of changes (see 0007).
    if current_setting('mapdashboard.capture', true) = 'off' then
        return null;
    end if;
    if v_layer = 'territory_unit' then
        v_layer := case when v_row ->> 'kind' in ('district', 'street', 'community') then 'territory' else 'grids' end;
    end if;
    if tg_op <> 'DELETE' then
        v_feature := live_feature(v_layer, v_id);
    end if;
    insert into change_log (layer, feature_id, op, feature, geom, old_geom)
    values (v_layer, v_id,
            case when tg_op = 'DELETE' or v_feature is null then 'delete' else 'upsert' end,
            v_feature,
            case when v_feature is not null then ST_SetSRID(ST_GeomFromGeoJSON(v_feature -> 'geometry'), 4326) end,
            ST_SetSRID(ST_GeomFromGeoJSON(v_old -> tg_argv[1]), 4326));
    perform pg_notify('map_changes', '');
    return null;
end
$$;

-- Runs at commit (deferred), once per captured row; the first call of a
-- transaction numbers all its rows in capture order, later calls find none.
create function order_changes_at_commit() returns trigger
language plpgsql as $$
declare r record;
begin
    if not exists (select 1 from change_log where seq is null) then
        return null;
    end if;
    -- Serialise commits from here to their end: a reader that has seen seq N
    -- can never later find a committed seq below N.
    perform pg_advisory_xact_lock(1296126019); -- 'MAPC'
    for r in select capture_id from change_log where seq is null order by capture_id loop
        update change_log set seq = nextval('change_log_seq') where capture_id = r.capture_id;
    end loop;
    return null;
end
$$;

create constraint trigger change_log_order_at_commit after insert on change_log
    deferrable initially deferred
    for each row execute function order_changes_at_commit();
