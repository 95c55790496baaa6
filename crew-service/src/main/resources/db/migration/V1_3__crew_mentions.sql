-- Mentioned people (MissionUpdateData.mentionedPeople): space travellers an article names without
-- putting them on its mission (station crews, other flights' crews). Each mention is kept as a claim
-- with assignment 'mentioned', so name, aliases, agency, nationality and role follow the same
-- latest-published-wins rule and alias union as crew claims. mission_id is only the context (the
-- article's mission): CrewResolver never lets a 'mentioned' claim decide an assignment.
ALTER TABLE crew_claims DROP CONSTRAINT crew_claims_assignment_check;
ALTER TABLE crew_claims ADD CONSTRAINT crew_claims_assignment_check
    CHECK (assignment IN ('prime', 'backup', 'removed', 'mentioned'));
