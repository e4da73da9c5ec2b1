-- A refused or failed request wrote nothing: its key is free again for the retry.
delete from idempotent_request where account_id = @account and key = @key and status is null
