-- A stand-in for missions: what the test application changes and records in change_log.
CREATE TABLE things (
    id     TEXT PRIMARY KEY,
    status TEXT NOT NULL
);
