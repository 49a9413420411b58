-- Loads data/penguins.csv into the MariaDB table "penguins" (database test), as ingest.ipynb expects.
-- Run from the notebooks folder:  mariadb -h 127.0.0.1 -u root --local-infile=1 test < data/penguins.mariadb.sql
DROP TABLE IF EXISTS penguins;
CREATE TABLE penguins (
    species VARCHAR(20) NOT NULL,
    island VARCHAR(20) NOT NULL,
    bill_length_mm DECIMAL(5, 1),
    bill_depth_mm DECIMAL(5, 1),
    flipper_length_mm INT,
    body_mass_g INT,
    sex VARCHAR(10),
    year INT NOT NULL
);
LOAD DATA LOCAL INFILE 'data/penguins.csv' INTO TABLE penguins
    FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '"' IGNORE 1 LINES
    (species, island, @bill_length, @bill_depth, @flipper_length, @body_mass, @sex, year)
    SET bill_length_mm = NULLIF(@bill_length, 'NA'), bill_depth_mm = NULLIF(@bill_depth, 'NA'),
        flipper_length_mm = NULLIF(@flipper_length, 'NA'), body_mass_g = NULLIF(@body_mass, 'NA'), sex = NULLIF(@sex, 'NA');
