-- Indexes every registration paid for and no query of the registry reads.
-- The registry never looks organizations up by person: recognition checks persons on its own view.
-- This random 64-character key was the largest index of the table.
DROP INDEX organization_person_ref;
