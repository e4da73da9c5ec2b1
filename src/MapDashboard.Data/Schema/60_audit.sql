-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- The audit trail (table audit_entry, migration 0025): who wrote what, before → after, append-only and chained by
-- hash. Rows are captured by triggers on the tables people edit, in the edit's own transaction, so an edit made
-- with psql, QGIS or ogr2ogr is recorded like one made through the API — attributed to the database user, since
-- only the server names an account. The server names the account, its role and unit, the door and the client
-- address for its own transaction with audit_as (MapDashboard.Data.Audit.AuditScope).
-- High-rate machine writes (pings, worker positions, the change log, coverage, the findings a recomputation
-- stores, grid colours) are not captured row by row; the server writes one summary row where a person asked for
-- them (a ping batch, a recomputation, an import).

-- Who acts, for the rest of this transaction only (set_config(…, true)): a pooled connection never carries it
-- to another request. A procedure, called with CALL, returns no result set, so the server can put it in front
-- of an autocommit statement in one command (one implicit transaction) without changing what that command reads.
create procedure audit_as(p_actor text, p_role text, p_unit text, p_source text, p_client text, p_request text)
language plpgsql as $$
begin
    perform set_config('mapdashboard.audit_actor', coalesce(p_actor, ''), true),
            set_config('mapdashboard.audit_role', coalesce(p_role, ''), true),
            set_config('mapdashboard.audit_unit', coalesce(p_unit, ''), true),
            set_config('mapdashboard.audit_source', coalesce(p_source, ''), true),
            set_config('mapdashboard.audit_client', coalesce(p_client, ''), true),
            set_config('mapdashboard.audit_request', coalesce(p_request, ''), true);
end
$$;

-- The text a row's hash covers: every field but the hashes, as a jsonb array (jsonb prints one way; the time as
-- epoch microseconds, independent of the session's time zone and date style).
create function audit_canonical(e audit_entry) returns bytea
language sql stable as $$
    select convert_to(jsonb_build_array(e.id, (extract(epoch from e.at) * 1000000)::bigint, e.actor, e.actor_role,
        e.actor_unit, e.source, e.client_address, e.action, e.request, e.target_table, e.target_key, e.unit_code,
        e.before, e.after, e.txid, e.db_user)::text, 'UTF8')
$$;

-- Every row is sealed on insert: its id, time, transaction and database user are set here (nobody can pick them),
-- and hash = sha256(previous row's hash || its canonical text). The previous row is the newest one after the head:
-- the head moves once per statement (audit_entry_head, below), so a statement of 51,000 rows updates it once
-- instead of 51,000 times (each update a new version of the one row, which every later read in the transaction
-- walked: quadratic). Rows past the head can only be this transaction's own: every writer holds the lock below to
-- its commit and moves the head at the end of each statement, before it can commit. The lock is the change log's ordering lock
-- (51_live_capture.sql), held to commit: the chain needs its writers in one order, and most audited writes are
-- live-table writes that hold that lock anyway. A second lock would deadlock with it (one transaction taking the
-- audit lock first, then capturing a change; another capturing first, then auditing). The head row is read FOR
-- UPDATE: a REPEATABLE READ transaction that cannot see the newest link fails rather than fork the chain.
-- SECURITY DEFINER: a role with INSERT on audit_entry (or none, through audit_record) cannot move the head itself.
create function audit_entry_seal() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
declare
    v_head  audit_chain_head;
    v_newer bytea;
begin
    perform pg_advisory_xact_lock(1296126019); -- 'MAPC'
    select * into v_head from audit_chain_head for update;
    -- A row trigger sees the rows its own statement inserted before this one.
    select e.hash into v_newer
    from audit_entry e where e.id > coalesce(v_head.last_id, 0) order by e.id desc limit 1;
    if found then v_head.last_hash := v_newer; end if;
    new.id := nextval('audit_entry_id_seq');
    new.at := clock_timestamp();
    new.txid := txid_current();
    new.db_user := session_user;
    new.prev_hash := v_head.last_hash;
    new.hash := sha256(coalesce(new.prev_hash, ''::bytea) || audit_canonical(new));
    return new;
end
$$;

-- The head follows the newest sealed row once per inserting statement. Read from the sealed rows themselves, so
-- nobody can name another head; SECURITY DEFINER for the same reason as the seal.
create function audit_entry_head() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
begin
    update audit_chain_head h set last_id = e.id, last_hash = e.hash
    from (select id, hash from audit_entry
          where id > coalesce((select last_id from audit_chain_head), 0) order by id desc limit 1) e;
    return null;
end
$$;

-- Audit rows are never changed or removed, by anyone, the owner included: only a superuser or the owner can
-- switch these triggers off, and what they then change no longer matches the chain (audit_verify).
create function audit_refuse_change() returns trigger
language plpgsql as $$
begin
    if tg_table_name = 'audit_chain_head' and tg_op = 'UPDATE' and pg_trigger_depth() > 1 then
        return new; -- the seal moving the head
    end if;
    raise exception '% is append-only: % refused', tg_table_name, tg_op
        using errcode = 'insufficient_privilege', hint = 'audit rows are never changed or removed';
end
$$;

create trigger audit_entry_seal before insert on audit_entry
    for each row execute function audit_entry_seal();
create trigger audit_entry_head after insert on audit_entry
    for each statement execute function audit_entry_head();
create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_refuse_change();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_refuse_change();
create trigger audit_chain_head_guard before update or delete on audit_chain_head
    for each row execute function audit_refuse_change();
create trigger audit_chain_head_no_truncate before truncate on audit_chain_head
    for each statement execute function audit_refuse_change();

-- The first audit row that does not hold (its hash or its link to the previous row is wrong, or the chain head
-- never saw it), or, when rows were removed from the end, the last id the head still names; null when the whole
-- chain verifies. STABLE: one snapshot for the head and the rows.
create function audit_verify() returns bigint
language plpgsql stable as $$
declare
    v_head audit_chain_head;
    v_prev bytea;
    v_last bigint;
    r      audit_entry;
begin
    select * into v_head from audit_chain_head;
    for r in select * from audit_entry order by id loop
        if r.prev_hash is distinct from v_prev
           or r.hash is distinct from sha256(coalesce(r.prev_hash, ''::bytea) || audit_canonical(r))
           or r.id > coalesce(v_head.last_id, 0) then
            return r.id;
        end if;
        v_prev := r.hash;
        v_last := r.id;
    end loop;
    if v_last is distinct from v_head.last_id or v_prev is distinct from v_head.last_hash then
        return v_head.last_id;
    end if;
    return null;
end
$$;

-- The newest link, to copy somewhere the database's superuser cannot write (a log, a signed report): a chain
-- rewritten from the start with valid hashes still ends in another hash than the one copied out.
create function audit_head() returns table (last_id bigint, last_hash text)
language sql stable as $$
    select last_id, encode(last_hash, 'hex') from audit_chain_head
$$;

-- One audit row in the current transaction, attributed as audit_as said, else to the database user (source
-- 'database', the client's address as PostgreSQL sees it). The capture trigger writes through it; so does the
-- server for what changes no audited row by itself (a ping batch, a recomputation, an import, a reveal).
-- SECURITY DEFINER: a role that may edit a table but holds no rights on audit_entry (a QGIS user) is still audited.
-- Who this transaction's audit rows name: as audit_as said, else the database user (source 'database', the
-- client's address as PostgreSQL sees it).
create function audit_actor(out actor text, out actor_role text, out actor_unit text, out source text,
                            out client_address text, out request text)
language sql stable as $$
    select coalesce(nullif(current_setting('mapdashboard.audit_actor', true), ''), session_user),
           nullif(current_setting('mapdashboard.audit_role', true), ''),
           nullif(current_setting('mapdashboard.audit_unit', true), ''),
           coalesce(nullif(current_setting('mapdashboard.audit_source', true), ''), 'database'),
           coalesce(nullif(current_setting('mapdashboard.audit_client', true), ''), host(inet_client_addr())),
           nullif(current_setting('mapdashboard.audit_request', true), '')
$$;

create function audit_record(p_action text, p_table text default null, p_key text default null, p_unit text default null,
                             p_before jsonb default null, p_after jsonb default null) returns bigint
language plpgsql security definer set search_path = public, pg_temp as $$
declare
    v_id bigint;
begin
    insert into audit_entry (actor, actor_role, actor_unit, source, client_address, action, request,
                             target_table, target_key, unit_code, before, after, hash)
    select a.actor, a.actor_role, a.actor_unit, a.source, a.client_address, p_action, a.request,
           p_table, p_key, p_unit, p_before, p_after, ''::bytea
    from audit_actor() a
    returning id into v_id;
    return v_id;
end
$$;

-- A geometry in an audit row: a point as itself, anything larger as a summary that still tells two versions
-- apart (a boundary of 20,000 vertices copied into every edit's row would make the trail the largest table).
create function audit_geometry_summary(g geometry) returns jsonb
language sql immutable as $$
    select case
        when g is null then null
        when GeometryType(g) = 'POINT' then ST_AsGeoJSON(g, 7)::jsonb
        else jsonb_strip_nulls(jsonb_build_object(
            'type', replace(ST_GeometryType(g), 'ST_', ''),
            'vertices', ST_NPoints(g),
            'areaM2', case when ST_Dimension(g) = 2 then round(ST_Area(g::geography)::numeric, 1) end,
            'lengthM', case when ST_Dimension(g) = 1 then round(ST_Length(g::geography)::numeric, 1) end,
            'md5', md5(ST_AsEWKB(g))))
    end
$$;

-- The territory unit of an id, and the smallest unit (not a police grid) at a point: what a row's unit_code is.
create function audit_unit_of(p_id int) returns text
language sql stable as $$
    select code from territory_unit where id = p_id
$$;

create function audit_unit_at(p geometry) returns text
language sql stable as $$
    select u.code from territory_unit u
    where u.kind <> 'police_grid' and u.boundary && p and ST_Intersects(u.boundary, p)
    order by ST_Area(u.boundary), u.code
    limit 1
$$;

-- audit_unit_at for many geometries at once (a statement's 51,000 buildings), each by its position in the array:
-- the same unit, or no row where none holds it. Called once per point, audit_unit_at read the large units
-- (district, street) whole for each — detoasted, measured and tested every time, half of auditing an import.
create function audit_units_at(p_geoms geometry[]) returns table (ord bigint, code text)
language sql stable as $$
    -- Every kind but police grids, as audit_unit_at.
    select t.ord, t.code from territory_units_at(p_geoms, '{district,street,community,community_grid,dedicated_grid,micro_grid}') t
$$;

-- The named columns of a row as jsonb, personal data replaced: the trail says that a phone number changed, not what it is.
create function audit_pick(p_row jsonb, p_columns text[], p_masked text[]) returns jsonb
language sql immutable as $$
    select jsonb_object_agg(c, case when c = any(p_masked) and jsonb_typeof(p_row -> c) <> 'null'
                                    then '"(personal data, not copied)"'::jsonb else coalesce(p_row -> c, 'null') end)
    from unnest(p_columns) c
    where p_row is not null
$$;

-- A bulk load by the table's owner (mapdashboard.capture = off, as the district loader sets it), which writes one
-- summary row of its own instead; any other role setting it is still audited.
create function audit_bulk_load(p_table oid) returns boolean
language sql stable as $$
    select coalesce(current_setting('mapdashboard.capture', true) = 'off'
                    and pg_has_role(session_user, (select relowner from pg_class where oid = p_table), 'MEMBER'), false)
$$;

-- One row trigger for every audited table. Arguments: the key column; an expression over the row (as r) giving
-- its territory unit's code, or ''; the columns whose values are personal data ('{…}'). An insert records the row,
-- a delete the row as it was, an update only the columns that changed, before → after. Generated columns are left
-- out (derived); geometries are summarised. A bulk load by the tables' owner (mapdashboard.capture = off, as the
-- district loader sets it) writes one summary row of its own instead; any other role setting it is still audited.
create function audit_capture() returns trigger
language plpgsql security definer set search_path = public, pg_temp as $$
declare
    v_masked  text[] := case when tg_nargs > 2 then tg_argv[2]::text[] else '{}' end;
    v_old     jsonb;
    v_new     jsonb;
    v_columns text[];
    v_geoms   text[];
    v_before  jsonb;
    v_after   jsonb;
    v_unit    text;
    v_shape   jsonb;
    c         text;
begin
    if audit_bulk_load(tg_relid) then
        return null;
    end if;
    if tg_op <> 'INSERT' then v_old := to_jsonb(old); end if;
    if tg_op <> 'DELETE' then v_new := to_jsonb(new); end if;

    select coalesce(array_agg(a.attname::text order by a.attnum), '{}'),
           coalesce(array_agg(a.attname::text) filter (where a.atttypid = 'geometry'::regtype), '{}')
    into v_columns, v_geoms
    from pg_attribute a
    where a.attrelid = tg_relid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '';
    if tg_op = 'UPDATE' then
        v_columns := array(select x from unnest(v_columns) x where v_new -> x is distinct from v_old -> x);
        if cardinality(v_columns) = 0 then return null; end if;
    end if;
    v_before := audit_pick(v_old, v_columns, v_masked);
    v_after := audit_pick(v_new, v_columns, v_masked);

    -- The stored geometry itself, not its GeoJSON (rounded), so that the md5 matches md5(ST_AsEWKB(column)).
    foreach c in array v_geoms loop
        continue when not c = any(v_columns);
        if v_old is not null then
            execute format('select audit_geometry_summary(($1).%I)', c) using old into v_shape;
            v_before := jsonb_set(v_before, array[c], coalesce(v_shape, 'null'));
        end if;
        if v_new is not null then
            execute format('select audit_geometry_summary(($1).%I)', c) using new into v_shape;
            v_after := jsonb_set(v_after, array[c], coalesce(v_shape, 'null'));
        end if;
    end loop;

    if tg_argv[1] <> '' then
        if tg_op = 'DELETE' then
            execute format('select %s from (select ($1).*) r', tg_argv[1]) using old into v_unit;
        else
            execute format('select %s from (select ($1).*) r', tg_argv[1]) using new into v_unit;
        end if;
    end if;

    perform audit_record(lower(tg_op) || ' ' || tg_table_name, tg_table_name::text,
                         coalesce(v_new, v_old) ->> tg_argv[0], v_unit, v_before, v_after);
    return null;
end
$$;

-- Inserts and deletes of many rows at once (an import of 51,000 buildings): the same audit rows as audit_capture
-- writes one by one — one a row, the row as inserted or as it was, attributed the same way — from the statement's
-- transition table in one INSERT … SELECT built once per statement. The row trigger cost ~1 ms a row (four dynamic
-- statements planned afresh, and a head update each); here the seal still chains every row, and the head moves once.
-- Updates stay row by row (audit_capture): only they need old and new paired, and a transition table's rows have
-- no documented pairing. Arguments as audit_capture's.
create function audit_captures() returns trigger
language plpgsql security definer set search_path = public, pg_temp set jit = off as $$
declare
    v_masked  text[] := case when tg_nargs > 2 then tg_argv[2]::text[] else '{}' end;
    v_columns text[];
    v_geoms   text[];
    v_row     text;
    v_at      text;
    c         text;
begin
    if audit_bulk_load(tg_relid) then
        return null;
    end if;
    if tg_op = 'INSERT' then perform from new_table limit 1; else perform from old_table limit 1; end if;
    if not found then
        return null; -- nothing to record
    end if;
    select coalesce(array_agg(a.attname::text order by a.attnum) filter (where a.atttypid <> 'geometry'::regtype), '{}'),
           coalesce(array_agg(a.attname::text order by a.attnum) filter (where a.atttypid = 'geometry'::regtype), '{}')
    into v_columns, v_geoms
    from pg_attribute a
    where a.attrelid = tg_relid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '';
    -- The row's columns as audit_pick picks them, written out as jsonb_build_object (at most 100 arguments, so
    -- in pieces): a call of audit_pick a row cost 0.15 ms. Geometries summarised, not rendered as GeoJSON first.
    select string_agg(piece, ' || ' order by part) into v_row
    from (select (n - 1) / 40 as part, 'jsonb_build_object(' || string_agg(
                     format('%L, %s', col, case when col = any(v_masked)
                                                then format('case when r.%I is not null then ''"(personal data, not copied)"''::jsonb end', col)
                                                else format('r.%I', col) end), ', ' order by n) || ')' as piece
          from unnest(v_columns) with ordinality u(col, n)
          group by part) pieces;
    foreach c in array v_geoms loop
        v_row := format('jsonb_set(%s, %L, coalesce(audit_geometry_summary(r.%I), ''null''))', v_row, array[c], c);
    end loop;
    -- A unit given as audit_unit_at(r.column) is taken for the whole statement at once (audit_units_at), the rows
    -- numbered to meet their units; any other unit expression is evaluated row by row.
    v_at := substring(tg_argv[1] from '^audit_unit_at\(r\.([a-z_][a-z0-9_]*)\)$');
    execute format($q$
        with r as materialized (select row_number() over () as audit_ord, r.* from %7$I r)
        insert into audit_entry (actor, actor_role, actor_unit, source, client_address, action, request,
                                 target_table, target_key, unit_code, before, after, hash)
        select a.actor, a.actor_role, a.actor_unit, a.source, a.client_address, %1$L, a.request,
               %2$L, to_jsonb(r.%3$I) #>> '{}', %4$s, %5$s, %6$s, ''::bytea
        from r
        %8$s
        cross join audit_actor() a
        order by r.audit_ord$q$,
        lower(tg_op) || ' ' || tg_table_name, tg_table_name,
        tg_argv[0], case when v_at is not null then 'unit.code' else coalesce(nullif(tg_argv[1], ''), 'null') end,
        case when tg_op = 'DELETE' then v_row else 'null' end, case when tg_op = 'INSERT' then v_row else 'null' end,
        case when tg_op = 'INSERT' then 'new_table' else 'old_table' end,
        case when v_at is not null
             then format('left join audit_units_at(array(select r.%I from r order by r.audit_ord)) unit on unit.ord = r.audit_ord', v_at)
             else '' end);
    return null;
end
$$;

-- The statement triggers of inserts and deletes (transition tables are allowed only on single-event triggers).
create function audit_attach_bulk(p_table regclass, p_key_column text, p_unit text default '', p_masked text[] default '{}')
returns void
language plpgsql as $$
declare v_name text := (select relname from pg_class where oid = p_table);
begin
    execute format('create trigger %I after insert on %s referencing new table as new_table for each statement execute function audit_captures(%L, %L, %L)',
                   v_name || '_audit_insert', p_table, p_key_column, coalesce(p_unit, ''), p_masked);
    execute format('create trigger %I after delete on %s referencing old table as old_table for each statement execute function audit_captures(%L, %L, %L)',
                   v_name || '_audit_delete', p_table, p_key_column, coalesce(p_unit, ''), p_masked);
end
$$;

-- Audits every insert, update and delete of a table: the hook for a table that needs nothing filtered. Called
-- from this file (a migration runs before the schema folder, and what it made would not be this file's), e.g.
-- select audit_attach('account', 'id', 'audit_unit_of(r.unit_id)', '{password_hash}');
create function audit_attach(p_table regclass, p_key_column text, p_unit text default '', p_masked text[] default '{}')
returns void
language plpgsql as $$
begin
    perform audit_attach_bulk(p_table, p_key_column, p_unit, p_masked);
    execute format('create trigger %I after update on %s for each row execute function audit_capture(%L, %L, %L)',
                   (select relname || '_audit' from pg_class where oid = p_table), p_table, p_key_column, coalesce(p_unit, ''), p_masked);
end
$$;

-- The tables people edit. Territory and findings are filtered (below); the rest are audited whole.
select audit_attach('hazard', 'code', 'audit_unit_at(r.location)');
select audit_attach('incident', 'code', 'audit_unit_of(coalesce(r.grid_id, r.community_id, r.street_id))', '{reporter_contact}');
select audit_attach('incident_transition', 'id',
    'audit_unit_of((select coalesce(i.grid_id, i.community_id, i.street_id) from incident i where i.id = r.incident_id))');
select audit_attach('incident_photo', 'id',
    'audit_unit_of((select coalesce(i.grid_id, i.community_id, i.street_id) from incident i where i.id = r.incident_id))');
-- A resident's tracking link (migration 0028): that one was handed out, for which incident; the hash is a secret.
select audit_attach('incident_tracking', 'incident_id',
    'audit_unit_of((select coalesce(i.grid_id, i.community_id, i.street_id) from incident i where i.id = r.incident_id))', '{token_sha256}');
select audit_attach('patrol_route', 'id', 'audit_unit_of(r.grid_id)');
select audit_attach('finding_setting', 'singleton');
select audit_attach('finding_acceptance', 'finding_key');
select audit_attach('category', 'code');
select audit_attach('category_time_limit', 'category_code');
select audit_attach('open311_api_key', 'id', '', '{key_sha256}');
-- What QGIS users edit: buildings, their owners and claims, the people who staff the grids.
select audit_attach('building', 'code', 'audit_unit_at(r.visit_point)');
select audit_attach('ownership_claim', 'id',
    'case r.asset_kind when ''building'' then (select audit_unit_at(b.visit_point) from building b where b.id = r.asset_id)
                       else (select audit_unit_at(h.location) from hazard h where h.id = r.asset_id) end');
select audit_attach('organisation', 'code', '', '{phone}');
select audit_attach('person', 'code', 'audit_unit_of(r.unit_id)', '{phone}');
-- Accounts and devices (migration 0023): who may sign in, with which role and jurisdiction; a revocation is an
-- update like any other. Hashes and stamps are secrets, not history. Tokens themselves are not audited (one row per
-- sign-in would be noise; the account's own row records lockouts).
select audit_attach('account', 'id', 'audit_unit_of(r.unit_id)', '{password_hash,security_stamp}');
select audit_attach('device', 'id');

-- Territory: what people draw and staff. The red/yellow/blue status alone is the server's recolouring
-- (GridStatusRefresher, after every report and each escalation pass), derived, not an edit.
select audit_attach_bulk('territory_unit', 'code', 'r.code');
create trigger territory_unit_audit
    after update of code, name, kind, parent_id, boundary, grid_worker_id, leader_id, adopted_by_id
    on territory_unit
    for each row execute function audit_capture('code', 'r.code');

-- Findings: what people decide (status, assignee, the case). A recomputation stores findings on every edit of
-- territory, buildings, hazards or claims, and its status changes (no longer detected → resolved, detected again
-- → new) always move present or last_seen_at, which a person's step never does: those are left out, as are its
-- inserts (only a recomputation inserts findings) and its geometry churn.
create trigger finding_audit
    after update of status, assignee, case_incident_code on finding
    for each row when (old.present = new.present and old.last_seen_at = new.last_seen_at)
    execute function audit_capture('id', 'audit_unit_of(coalesce(r.default_owner_id, r.community_id, r.street_id))');
