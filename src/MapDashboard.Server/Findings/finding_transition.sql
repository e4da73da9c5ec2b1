-- Moves a finding to @to if its status is one of @from; the history trigger
-- records actor and note (set local by the caller). Accepting also puts the key
-- on the accepted list, so the finding stays accepted when it reappears.
with moved as (
    update finding set status = @to, updated_at = now(),
           assignee = case when @to = 'assigned' then coalesce(@assignee, assignee) else assignee end
    where id = @id and status = any(@from)
    returning id, finding_key),
listed as (
    insert into finding_acceptance (finding_key, reason, accepted_by)
    select finding_key, coalesce(@note, ''), @actor from moved where @to = 'accepted'
    on conflict (finding_key) do update set reason = excluded.reason, accepted_by = excluded.accepted_by, accepted_at = now())
select count(*)::int from moved
