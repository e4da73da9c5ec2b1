-- The incident loop's rules that live in data: per-category time limits for
-- each timed stage, the escalation level, who was sent, and the facts the
-- indicators need (when a stage was entered, whether a limit was ever blown).

-- Keyed by category code without a foreign key: categories are loaded from the
-- district's categories.json after the migrations run, and a limit may be
-- seeded before its category exists. A category with no row here uses
-- StageTimeLimits.Default (2 h / 4 h / 72 h).
create table category_time_limit (
    category_code text primary key,
    to_dispatch   interval not null check (to_dispatch > interval '0'),  -- reported → dispatched (社区派单)
    to_accept     interval not null check (to_accept > interval '0'),    -- dispatched → accepted (党员接单)
    to_resolve    interval not null check (to_resolve > interval '0')    -- accepted → resolved
);

-- Safety first: fire, gas and power are dispatched within half an hour; a
-- neighbour dispute or an elevator installation needs talks, so days.
insert into category_time_limit (category_code, to_dispatch, to_accept, to_resolve) values
    ('flying_lead_charging',  '30 minutes', '1 hour',   '24 hours'),
    ('low_cable',             '1 hour',     '2 hours',  '48 hours'),
    ('cable_tangle',          '4 hours',    '8 hours',  '15 days'),
    ('blocked_drain',         '1 hour',     '2 hours',  '24 hours'),
    ('sewage',                '1 hour',     '2 hours',  '24 hours'),
    ('roof_leak',             '2 hours',    '4 hours',  '72 hours'),
    ('water_supply',          '30 minutes', '1 hour',   '12 hours'),
    ('gas_safety',            '15 minutes', '30 minutes', '6 hours'),
    ('electric_safety',       '30 minutes', '1 hour',   '12 hours'),
    ('fire_safety',           '15 minutes', '30 minutes', '6 hours'),
    ('food_safety',           '1 hour',     '2 hours',  '24 hours'),
    ('unsafe_wall',           '1 hour',     '2 hours',  '7 days'),
    ('neighbour_dispute',     '4 hours',    '8 hours',  '7 days'),
    ('elevator_installation', '1 day',      '2 days',   '30 days'),
    ('sanitation',            '2 hours',    '4 hours',  '24 hours'),
    ('parking',               '2 hours',    '4 hours',  '48 hours');

-- Incident codes for rows inserted any way (API, Open311, psql): I000001, …
create sequence incident_code_seq;
alter table incident alter column code set default 'I' || lpad(nextval('incident_code_seq')::text, 6, '0');

alter table incident
    -- 0 grid, 1 community, 2 street (EscalationLevel); the street is the top.
    add column escalation_level smallint not null default 0 check (escalation_level between 0 and 2),
    -- When a stage first outlived its limit; null = always in time. Feeds on-time closure and the grid's colour.
    add column overdue_at       timestamptz,
    add column stage_entered_at timestamptz not null default now(),
    add column closed_at        timestamptz,
    add column worker_id        int references person(id),
    -- Reports of the same problem linked to this incident instead of duplicating it (1 = only the first).
    add column report_count     int not null default 1 check (report_count >= 1),
    -- Open311 clients may be handed a token to look the request up by (GET /open311/v2/tokens/{token}).
    add column open311_token    text unique;

create index incident_due_idx on incident (stage_due_at) where stage in ('reported', 'dispatched', 'accepted');
create index incident_reported_at_idx on incident (reported_at);
create index incident_category_open_idx on incident (category_code) where stage <> 'closed';

-- History holds more than stage changes: escalations and linked duplicate reports.
alter table incident_transition
    add column kind text not null default 'transition' check (kind in ('transition', 'escalation', 'duplicate'));

-- THE definition of overdue, used by the grid status inputs, the indicators and
-- the live feed: open, and a stage has outlived its limit (now, or before an escalation).
create function incident_overdue(i incident) returns boolean
language sql stable as $$
    select i.stage <> 'closed'
       and (i.overdue_at is not null
            or (i.stage in ('reported', 'dispatched', 'accepted') and i.stage_due_at < now()))
$$;
