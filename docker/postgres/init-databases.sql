-- Runs once, when the postgres container initialises an empty data volume:
-- one database per service (each service migrates its own schema with Flyway).
CREATE DATABASE ingest;
CREATE DATABASE missions;
CREATE DATABASE crew;
