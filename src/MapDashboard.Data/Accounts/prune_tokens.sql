-- Credentials that ended (expired or revoked) more than @keep ago sign nobody in and are only clutter: every sign-in
-- adds a row, and a wall display's or a phone's credential is renewed for years. Kept a while after they end, so that
-- "which credential made this request" can still be answered while an incident is fresh (the audit trail names the
-- account and device, not the token).
delete from access_token
where least(revoked_at, expires_at) < now() - @keep; -- least() passes over a null revoked_at
