-- What a taken key holds: the request it was used for and its answer (null status: still being handled).
select request, status, content_type, body from idempotent_request where account_id = @account and key = @key
