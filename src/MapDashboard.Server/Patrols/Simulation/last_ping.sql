-- The newest ping anyone sent: the simulator backfills a morning's walk only into a quiet database.
select max(recorded_at) from patrol_ping
