-- The findings as they stand before an edit, to tell afterwards what it created, removed and changed.
create temp table findings_before on commit drop as
select id, signature from finding where present
