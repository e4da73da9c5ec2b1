-- New thresholds change what is noise everywhere, so a full recomputation follows in the same transaction.
update finding_setting set
    min_area_m2 = coalesce(@minArea, min_area_m2),
    min_width_m = coalesce(@minWidth, min_width_m),
    hazard_boundary_tolerance_m = coalesce(@tolerance, hazard_boundary_tolerance_m);
select recompute_all_findings();
