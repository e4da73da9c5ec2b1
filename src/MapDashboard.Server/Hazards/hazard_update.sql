-- A hazard's status or severity changes as it is mitigated; null keeps the current value.
update hazard
set status = coalesce(@status, status),
    severity = coalesce(@severity, severity)
where code = @code
returning json_build_object('code', code, 'status', status, 'severity', severity)::text;
