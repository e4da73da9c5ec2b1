-- The first request's 2xx answer, kept for every repeat of the key.
update idempotent_request set status = @status, content_type = @content_type, body = @body, answered_at = now()
where account_id = @account and key = @key
