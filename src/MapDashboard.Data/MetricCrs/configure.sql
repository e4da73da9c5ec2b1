-- The configured metric frame (null: the district's UTM zone decides). See Schema/05_metric_crs.sql.
select metric_crs_configure(@srid)
