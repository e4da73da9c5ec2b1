-- The metric frame follows the district (issue 16 item 2): areas, lengths, buffers and distances were taken in
-- UTM 48N (EPSG:32648) everywhere, which is wrong by up to a few per cent for a district outside 102°–108°E.
-- The frame is one row here; the schema folder's Schema/05_metric_crs.sql turns it into metric_srid() and
-- decides it (the UTM zone of the district's centroid, or a configured CGCS2000 Gauss-Krüger zone).
create table metric_crs_setting (
    only_row  boolean primary key default true check (only_row),
    srid      int not null,
    -- default: nothing decided it yet (no district); district: its centroid's UTM zone; configured: the
    -- server's MetricCrs:Srid.
    chosen_by text not null check (chosen_by in ('default', 'district', 'configured'))
);
-- UTM 48N is what every database held so far; the next start settles it from the district (MetricCrsSetting).
insert into metric_crs_setting (srid, chosen_by) values (32648, 'default');

-- The stored metric copies of the visit points were generated columns with 32648 written into them, which no
-- setting can change (PostgreSQL 15 cannot alter a generation expression). They become plain columns without a
-- fixed SRID, kept by a trigger in metric_srid()'s frame and rewritten when the frame changes (metric_crs_apply),
-- and are renamed after what they are now: the point in the metric frame. The view over them goes first (its
-- columns change type); the schema folder makes it again after the migrations.
drop view if exists patrol_asset;
alter table building alter column visit_point_utm drop expression;
alter table building alter column visit_point_utm type geometry(Point);
alter table building rename column visit_point_utm to visit_point_metric;
alter table hazard alter column location_utm drop expression;
alter table hazard alter column location_utm type geometry(Point);
alter table hazard rename column location_utm to location_metric;
