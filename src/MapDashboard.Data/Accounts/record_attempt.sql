-- After a password check: a success clears the count and any lockout; a failure counts, and the
-- Lockout.MaxFailedAttempts-th failure in a row locks the account until now + Lockout.Duration (the count restarts).
update account
set failed_attempts = case when @succeeded or failed_attempts + 1 >= @max_failed then 0 else failed_attempts + 1 end,
    locked_until    = case when @succeeded then null
                           when failed_attempts + 1 >= @max_failed then now() + @lock_for
                           else locked_until end
where id = @id
returning locked_until;
