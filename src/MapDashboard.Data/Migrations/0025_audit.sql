-- The audit trail: every write (API, Open311, import, chores, and edits made directly with psql, QGIS or ogr2ogr)
-- and every reveal of personal data, one row each, append-only. Who (the signed-in account, or the database user
-- for a direct edit), from where, what, before → after. The triggers that fill it, refuse to change it and chain
-- its rows by hash live in the schema folder (Schema/60_audit.sql); see "Audit" in the server README.

-- Ids come from this sequence inside the insert trigger, after it holds the chain's lock, so that id order is
-- the order the rows were chained in (a column default is evaluated before any trigger runs, so two writers
-- could otherwise take ids in one order and chain in the other).
create sequence audit_entry_id_seq;

create table audit_entry (
    id             bigint primary key,
    at             timestamptz not null default clock_timestamp(),
    -- The account's user name; the database user for a direct edit; a chore's name for the server's own work.
    actor          text not null,
    actor_role     text,
    -- The actor's own jurisdiction (the account's unit), when the server knows it.
    actor_unit     text,
    -- api | open311 | import | system | demo | database | reveal
    source         text not null,
    client_address text,
    -- 'update territory_unit' for a captured row; the request ('POST /api/patrols/pings') or 'reveal' otherwise.
    action         text not null,
    -- The endpoint (method and route pattern) whose handler wrote the row, when a request did.
    request        text,
    target_table   text,
    target_key     text,
    -- The territory unit the written row lies in, for filtering by jurisdiction (a unit's subtree).
    unit_code      text,
    before         jsonb,
    after          jsonb,
    txid           bigint not null default txid_current(),
    -- The login that wrote the row, whatever the transaction's settings claim: a direct edit cannot pass as the server.
    db_user        text not null default session_user,
    prev_hash      bytea,
    hash           bytea not null
);
-- GET /api/audit: newest first, by time, by actor, by unit.
create index audit_entry_at_idx on audit_entry (at);
create index audit_entry_actor_idx on audit_entry (actor, id);
create index audit_entry_unit_idx on audit_entry (unit_code, id);

-- The newest link of the chain. Each insert reads it with FOR UPDATE and moves it: a transaction whose snapshot
-- is older than the head (REPEATABLE READ) fails instead of forking the chain, and rows removed from the end of
-- audit_entry no longer match it.
create table audit_chain_head (
    singleton boolean primary key default true check (singleton),
    last_id   bigint,
    last_hash bytea
);
insert into audit_chain_head default values;

-- The application's role where a deployment runs the server as something other than the owner of the tables:
-- everything it needs on every table, but on audit_entry only SELECT and INSERT, and on the chain head only SELECT
-- (the insert trigger moves it as its owner). It cannot log in: a deployment grants it to the server's login
-- (grant mapdashboard_app to …). Roles belong to the whole cluster, so another database may have made it
-- already; a migrating user who may not create roles leaves it to the administrator (see the server README).
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'mapdashboard_app') then
        if not exists (select 1 from pg_roles where rolname = current_user and (rolsuper or rolcreaterole)) then
            raise notice 'role mapdashboard_app not made: % may not create roles (see "Audit" in the server README)', current_user;
            return;
        end if;
        begin
            create role mapdashboard_app nologin;
        exception when duplicate_object or unique_violation then
            null; -- another database of this cluster made it at the same moment
        end;
    end if;
    grant usage on schema public to mapdashboard_app;
    grant select, insert, update, delete on all tables in schema public to mapdashboard_app;
    grant usage, select, update on all sequences in schema public to mapdashboard_app;
    revoke update, delete, truncate on audit_entry from mapdashboard_app;
    revoke insert, update, delete, truncate on audit_chain_head from mapdashboard_app;
    alter default privileges in schema public grant select, insert, update, delete on tables to mapdashboard_app;
    alter default privileges in schema public grant usage, select, update on sequences to mapdashboard_app;
end
$$;
