-- Signing out: the one credential used ends now.
update access_token set revoked_at = now() where token_hash = @token_hash and revoked_at is null;
