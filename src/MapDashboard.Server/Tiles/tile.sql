-- Wraps one layer's feature query (Layers/NAME/tile.sql, spliced into the features CTE)
-- into a Mapbox Vector Tile, the way martin and pg_tileserv do. Composed once
-- per layer at start; a request binds only @z, @x, @y.
-- `area` is the tile plus its 64-unit buffer in EPSG:4326, so the && test
-- hits the GiST index on the stored geometries without transforming them.
with bounds as (
    select ST_TileEnvelope(@z, @x, @y) as tile,
           ST_Transform(ST_TileEnvelope(@z, @x, @y, margin => 64.0 / 4096), 4326) as area
),
features as (
{features}
)
select ST_AsMVT(features, '{layer}', 4096, 'geom', 'id') from features where geom is not null;
