-- Loads data/penguins.csv into the PostgreSQL table "penguins" (database test), as ingest.ipynb expects.
-- Run from the notebooks folder:  psql -h 127.0.0.1 -d test -v ON_ERROR_STOP=1 -f data/penguins.sql
DROP TABLE IF EXISTS penguins;
CREATE TABLE penguins (
    species text NOT NULL,
    island text NOT NULL,
    bill_length_mm numeric(5, 1),
    bill_depth_mm numeric(5, 1),
    flipper_length_mm integer,
    body_mass_g integer,
    sex text,
    year integer NOT NULL
);
\copy penguins FROM 'data/penguins.csv' WITH (FORMAT csv, HEADER true, NULL 'NA')
