-- The report, in the file's row order.
select source_row, code, kind, severity, detail::text from import_problem order by source_row nulls last, kind, code;
