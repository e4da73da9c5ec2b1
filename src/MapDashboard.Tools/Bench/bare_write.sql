-- bench import's bare write, the one statement timed: the same buildings written again into building, with its
-- indexes and check constraints but no trigger. {columns} is the list bare_write_columns.sql returns.
insert into building ({columns}) select {columns} from bare_rows;
