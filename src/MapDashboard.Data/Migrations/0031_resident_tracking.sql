-- The resident's door (/report, issue 15 item 3): a resident reports without an account and is handed a tracking
-- link. The link's token is 256 random bits stored only as its SHA-256 (like access tokens): a copy of this table
-- finds no incident. One incident may have several tokens (a second resident's report linked to it as a duplicate).
create table incident_tracking (
    token_sha256 bytea primary key check (length(token_sha256) = 32),
    incident_id  bigint not null references incident(id) on delete cascade,
    created_at   timestamptz not null default now()
);
create index incident_tracking_incident_idx on incident_tracking (incident_id);

-- Reports through the resident's door say so (history: reported {source: resident}).
alter table incident drop constraint incident_source_check;
alter table incident add constraint incident_source_check
    check (source in ('api', 'open311', 'patrol', 'demo', 'finding', 'resident'));
