-- The incremental recomputation inlines six detection queries into one plan
-- whose estimated cost passes jit_above_cost: PostgreSQL then spends ~300 ms
-- compiling a query that runs in ~15 ms, on every edit, from every client
-- (psql and QGIS edits fire the same triggers). Findings never want JIT.
alter function recompute_findings(int[], int[], int[], int[], int[]) set jit = off;

-- A database that held a district before findings existed has none yet: the
-- loader computes them after a bulk load, and an upgrade in place must too.
select recompute_all_findings()
where exists (select 1 from territory_unit) and not exists (select 1 from finding);
