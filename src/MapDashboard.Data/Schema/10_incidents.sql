-- Schema folder: the one current text of these objects (see README.md here). Edit this file to change them;
-- never a migration.
--
-- Incidents (the closed loop): the rules the database answers itself, so that the grid status inputs, the
-- indicators and the live feed cannot disagree.

-- THE definition of overdue, used by the grid status inputs, the indicators and
-- the live feed: open, and a stage has outlived its limit (now, or before an escalation).
create function incident_overdue(i incident) returns boolean
language sql stable as $$
    select i.stage <> 'closed'
       and (i.overdue_at is not null
            or (i.stage in ('reported', 'dispatched', 'accepted') and i.stage_due_at < now()))
$$;
