-- The noise thresholds and tolerances detection uses.
select json_build_object('minAreaM2', min_area_m2, 'minWidthM', min_width_m,
                         'hazardBoundaryToleranceM', hazard_boundary_tolerance_m, 'identitySnapM', identity_snap_m)::text
from finding_setting
