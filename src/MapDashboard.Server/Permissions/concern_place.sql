-- A geometry a request brings (a route's new line): the smallest unit it lies in whole. None outside the
-- district: the handler refuses such a line with 400 anyway.
select unit_covering(@key::geometry) as unit_id, null::int as person_id
