-- The current status, to tell "unknown finding" from "not allowed from this status".
select status from finding where id = @id
