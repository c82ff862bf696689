-- Finds the newest execution with a given string property (a pipeline step's name) without reading the others:
-- WHERE name = ? AND string_value = ? ORDER BY execution_id DESC, stopping at the first in the wanted context.
CREATE INDEX execution_property_by_string ON execution_property (name, string_value, execution_id);

-- Leases on cache keys: while one process runs a step, another about to run the identical step waits for it and
-- reuses its outputs instead of doing the work twice. A lease names its owner and expires unless renewed, so one
-- left by a killed process is taken over once it lapses.
CREATE TABLE cache_key_lease (
  cache_key TEXT PRIMARY KEY,
  owner TEXT NOT NULL,
  expire_time BIGINT NOT NULL
);
