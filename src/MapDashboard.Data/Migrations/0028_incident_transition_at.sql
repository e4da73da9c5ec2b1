-- The wall's feed at start reads the latest stage changes of the whole district (GET /api/incidents/feed): newest
-- first by time, a handful of rows, without reading every incident's history.
create index incident_transition_at_idx on incident_transition (at desc, id desc);
