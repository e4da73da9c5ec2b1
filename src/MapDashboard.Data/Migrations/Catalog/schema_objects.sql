-- Every function, procedure, view and trigger the project made: schema public, not a member of an extension
-- (PostGIS's hundreds), not a foreign key's internal trigger. The schema folder owns all of them; this is what
-- SchemaFolder diffs before and after a file to learn what the file made, and drops from.
-- drop_rank: triggers go first (they hold their functions); views and routines after, newest first (see SchemaFolder).
select o.kind, o.identity, o.drop_sql, o.drop_rank, o.created
from (
    select 'routine' as kind, p.oid::regprocedure::text as identity,
           format('drop %s %s', case p.prokind when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end,
                  p.oid::regprocedure) as drop_sql,
           2 as drop_rank, p.oid::bigint as created
    from pg_proc p
    where p.pronamespace = 'public'::regnamespace
      and not exists (select 1 from pg_depend d
                      where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
    union all
    select 'view', c.oid::regclass::text,
           format('drop %s %s', case c.relkind when 'm' then 'materialized view' else 'view' end, c.oid::regclass),
           2, c.oid::bigint
    from pg_class c
    where c.relkind in ('v', 'm') and c.relnamespace = 'public'::regnamespace
      and not exists (select 1 from pg_depend d
                      where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
    union all
    select 'trigger', format('%I on %s', t.tgname, t.tgrelid::regclass),
           format('drop trigger %I on %s', t.tgname, t.tgrelid::regclass),
           1, t.oid::bigint
    from pg_trigger t
    join pg_class c on c.oid = t.tgrelid
    where not t.tgisinternal and c.relnamespace = 'public'::regnamespace) o
