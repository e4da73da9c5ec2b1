-- GET /api/audit: the trail newest first. unit = rows lying in that unit or anywhere under it (the territory_unit
-- parent chain), and rows that lie in no unit of their own (a ping batch, a setting) when their actor's
-- jurisdiction is there; actor exact; from inclusive, to exclusive; before = the last id of the previous page.
with recursive subtree as (
    select id, code from territory_unit where code = @unit
    union all
    select c.id, c.code from territory_unit c join subtree s on c.parent_id = s.id
)
select coalesce(json_agg(json_build_object(
           'id', e.id, 'at', e.at, 'actor', e.actor, 'role', e.actor_role, 'actorUnit', e.actor_unit, 'source', e.source,
           'client', e.client_address, 'action', e.action, 'request', e.request, 'table', e.target_table,
           'key', e.target_key, 'unit', e.unit_code, 'before', e.before, 'after', e.after, 'dbUser', e.db_user)
         order by e.id desc), '[]')::text
from (
    select * from audit_entry a
    where (@unit::text is null
           or a.unit_code in (select code from subtree)
           or (a.unit_code is null and a.actor_unit in (select code from subtree)))
      and (@actor::text is null or a.actor = @actor)
      and (@from::timestamptz is null or a.at >= @from)
      and (@to::timestamptz is null or a.at < @to)
      and (@before::bigint is null or a.id < @before)
    order by a.id desc
    limit @limit
) e
