-- PostGIS is the single source of truth for every geometry the dashboard shows.
create extension if not exists postgis;
