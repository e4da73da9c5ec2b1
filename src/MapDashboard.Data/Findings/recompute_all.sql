-- Every finding from scratch; what is still found keeps its identity, status and history.
select recompute_all_findings();
