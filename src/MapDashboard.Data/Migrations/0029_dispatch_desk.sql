-- The dispatch desk (issue 15): an incident is sent to a grid worker or a party-member volunteer (worker_id, as
-- before) or to a co-building unit (共驻共建单位, an organisation: the organisation_id below; then worker_id is null).
-- A report the desk links to another incident as the same problem closes, pointing at the one that goes on
-- (duplicate_of_id); the indicators count only the incident that goes on.
alter table incident add column organisation_id int references organisation(id);
alter table incident add column duplicate_of_id bigint references incident(id);
alter table incident add constraint incident_one_assignee check (worker_id is null or organisation_id is null);
alter table incident add constraint incident_not_own_duplicate check (duplicate_of_id is null or duplicate_of_id <> id);
-- Who has how many open tasks (the assignee suggestion shows it).
create index incident_worker_open_idx on incident (worker_id) where stage in ('dispatched', 'accepted');
