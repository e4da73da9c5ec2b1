-- One audit row written by the server itself (a ping batch, a recomputation, an import, a reveal), attributed to
-- the scope set in front of it (audit_as); see AuditLog.
select audit_record(@action, @table, @key, @unit, null, @after)
