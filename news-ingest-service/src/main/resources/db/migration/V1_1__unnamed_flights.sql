-- Updates created by attributing an unnamed flight to a named mission are marked, so that
-- attribution only ever matches against what articles said by name.
ALTER TABLE mission_updates ADD COLUMN attributed BOOLEAN NOT NULL DEFAULT false;

-- Who each named update puts aboard which mission (prime or backup): what unnamed flights match on.
CREATE TABLE mission_crew (
    event_id   TEXT NOT NULL REFERENCES mission_updates (event_id),
    mission_id TEXT NOT NULL,
    person_id  TEXT NOT NULL,
    PRIMARY KEY (event_id, person_id)
);
CREATE INDEX mission_crew_person ON mission_crew (person_id);
CREATE INDEX mission_crew_mission ON mission_crew (mission_id);

INSERT INTO mission_crew (event_id, mission_id, person_id)
SELECT DISTINCT u.event_id, u.mission_id, c -> 'person' ->> 'id'
FROM mission_updates u, jsonb_array_elements(u.data -> 'crew') c
WHERE c ->> 'assignment' IN ('prime', 'backup')
ON CONFLICT DO NOTHING;

-- Crewed flights an article describes without naming ("a Crew Dragon flight later this autumn").
-- template is the update to publish, mission left open, once exactly one named mission fits.
CREATE TABLE unnamed_flights (
    article_id       TEXT NOT NULL REFERENCES articles (id),
    ordinal          INT NOT NULL,
    spacecraft       TEXT NOT NULL,
    crew_ids         TEXT[] NOT NULL,
    template         JSONB NOT NULL,
    attributed_to    TEXT,
    attributed_event TEXT,
    PRIMARY KEY (article_id, ordinal)
);
CREATE INDEX unnamed_flights_open ON unnamed_flights USING gin (crew_ids) WHERE attributed_to IS NULL;
