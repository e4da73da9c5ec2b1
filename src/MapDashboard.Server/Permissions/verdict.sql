-- One write judged for one account: the territory unit the thing concerns (the first query below: one of the
-- concern_*.sql files beside this, giving unit_id and the person it is assigned to), whether that unit lies in
-- the jurisdiction hanging from @root (unit_in_jurisdiction, Schema/60_permissions.sql), whether the thing is
-- assigned to the person @person the account is bound to (by id or code), and the root's kind and name for
-- the refusal. No row: the thing does not exist, and its handler answers 404 (or 400) as without the rule.
with c as (
{concern}
)
select u.code, u.kind, u.name, unit_in_jurisdiction(u.id, @root::text),
       c.person_id is not null and @person::text is not null
           and (c.person_id::text = @person::text or exists (select 1 from person p where p.id = c.person_id and p.code = @person::text)),
       r.kind, r.name
from c join territory_unit u on u.id = c.unit_id
left join territory_unit r on r.code = @root::text
