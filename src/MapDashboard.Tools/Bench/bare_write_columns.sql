-- The columns of building a statement may write (not the generated ones): bench import's bare write lists them.
select string_agg(quote_ident(attname), ', ' order by attnum)
from pg_attribute
where attrelid = 'building'::regclass and attnum > 0 and not attisdropped and attgenerated = '';
