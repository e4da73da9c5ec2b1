-- The metric frame (metric_srid()) and whether something decided it yet (a district or the configuration).
select srid, chosen_by <> 'default' from metric_crs_setting
