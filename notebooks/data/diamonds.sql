-- Loads data/diamonds.csv.gz (ggplot2's diamonds, 53,940 rows) into the PostgreSQL table "diamonds"
-- (database test), as regression.ipynb expects. Run from the notebooks folder:
--   psql -h 127.0.0.1 -d test -v ON_ERROR_STOP=1 -f data/diamonds.sql
DROP TABLE IF EXISTS diamonds;
CREATE TABLE diamonds (
    carat double precision NOT NULL,
    cut text NOT NULL,
    color text NOT NULL,
    clarity text NOT NULL,
    depth double precision NOT NULL,
    "table" double precision NOT NULL,
    price integer NOT NULL,
    x double precision NOT NULL,
    y double precision NOT NULL,
    z double precision NOT NULL
);
\copy diamonds FROM PROGRAM 'gzip -dc data/diamonds.csv.gz' WITH (FORMAT csv, HEADER true)
