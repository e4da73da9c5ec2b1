-- History lines said what the system did in English sentences ("reported via api", "dispatched to 620102001
-- (属地兜底)", "rating 4; demo stream", "case I000012 closed"), which the Chinese interface then showed as they were.
-- What the system does is now recorded as a code (event) with its parameters (params); the client words it in
-- the reader's language. `note` keeps only what a person typed. System actors become codes too
-- (system:…, demo:…, open311:client); actors people typed stay as they are.
alter table incident_transition add column event text, add column params jsonb not null default '{}';
alter table finding_history add column event text, add column params jsonb not null default '{}';

-- Rows written before this version: their sentences become codes. Only the server's own sentences are matched,
-- whole; a note a person typed (anything else) is left alone.
update incident_transition set event = 'reported', params = jsonb_build_object('source', substring(note from '^reported via (\w+)$')), note = ''
where note ~ '^reported via \w+$';

update incident_transition set event = 'opened_from_finding',
       params = jsonb_build_object('finding', (substring(note from '^opened from finding (\d+) '))::bigint,
                                   'kind', substring(note from '^opened from finding \d+ \((\w+)\)')),
       note = ''
where note ~ '^opened from finding \d+ \(\w+\)';

update incident_transition t set event = 'dispatched_to_default_owner',
       params = coalesce((select jsonb_build_object('unit', jsonb_build_object('code', u.code, 'name', u.name))
                          from territory_unit u where u.code = substring(t.note from '^dispatched to (\S+) \(')), '{}'),
       note = ''
where note ~ '^dispatched to .* \(属地兜底\)$';

update incident_transition set event = 'reported_again',
       params = jsonb_build_object('source', substring(note from '^same problem reported again via (\w+)')),
       note = coalesce(substring(note from '^same problem reported again via \w+: (.*)$'), '')
where note ~ '^same problem reported again via \w+';

update incident_transition set event = 'rated',
       params = jsonb_build_object('rating', (substring(note from '^rating (\d)'))::int, 'reopened', note ~ '^rating \d: reopened'),
       note = coalesce(substring(note from '^rating \d(?:: reopened)?; (.*)$'), '')
where note ~ '^rating \d';

update incident_transition set note = '' where note = 'demo stream';

-- Escalations: "<stage> stage exceeded its limit of 2 h; escalated grid → community" or "…; already at the street, stays overdue".
update incident_transition set
       event = case when note ~ 'already at the street' then 'overdue_at_top' else 'escalated' end,
       params = jsonb_strip_nulls(jsonb_build_object(
           'stage', substring(note from '^(\w+) stage'),
           'limitMinutes', case when note ~ 'limit of [0-9.]+ h;' then round((substring(note from 'limit of ([0-9.]+) h;'))::numeric * 60)::int
                                else (substring(note from 'limit of ([0-9.]+) min;'))::numeric::int end,
           'from', substring(note from 'escalated (\w+) → '),
           'to', substring(note from 'escalated \w+ → (\w+)$'))),
       note = ''
where kind = 'escalation' and note ~ '^\w+ stage exceeded its limit of ';

update incident_transition set actor = case actor
        when 'demo resident' then 'demo:resident' when 'demo dispatcher' then 'demo:dispatcher'
        when 'demo grid worker' then 'demo:grid-worker' when 'open311 client' then 'open311:client' end
where actor in ('demo resident', 'demo dispatcher', 'demo grid worker', 'open311 client');

update finding_history set event = case note when 'detected' then 'detected' when 'no longer detected' then 'no_longer_detected'
                                             else 'detected_again' end, note = ''
where note in ('detected', 'no longer detected', 'detected again');

update finding_history set event = 'case_opened', params = jsonb_build_object('incident', substring(note from '^opened as case (\S+)$')), note = ''
where note ~ '^opened as case \S+$';

update finding_history set event = 'case_closed', params = jsonb_build_object('incident', substring(note from '^case (\S+) closed$')), note = ''
where note ~ '^case \S+ closed$';

update finding_history set actor = case actor when 'recomputation' then 'system:recomputation' else 'system:case' end
where actor in ('recomputation', 'incident workflow');

-- An incident's detail names the finding it was opened from even after the case closed (the finding then no
-- longer points at it): found by the case_opened entry of the finding's history.
create index finding_history_case_idx on finding_history ((params ->> 'incident')) where event = 'case_opened';
