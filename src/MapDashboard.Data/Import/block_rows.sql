-- A row with an error is not written (and, on a dry run, left out of the preview).
update import_row r set blocked = true
where exists (select 1 from import_problem p where p.source_row = r.source_row and p.severity = 'error');
