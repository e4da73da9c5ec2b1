-- The district decides the metric frame, unless one is configured. See Schema/05_metric_crs.sql.
select metric_crs_follow_district()
