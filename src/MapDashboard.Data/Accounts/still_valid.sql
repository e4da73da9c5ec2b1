-- Of the tokens behind open hub connections, those that still sign someone in (live_credential): the rest were
-- revoked on another node, by psql, or expired, and their connections are closed.
select token_hash from live_credential where token_hash = any(@token_hashes);
