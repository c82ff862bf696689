-- The ML Metadata model. Shared by SQLite and PostgreSQL; ${id} is the dialect's generated primary key.
-- Times are epoch milliseconds (BIGINT), the same in both dialects.

CREATE TABLE metadata_type (
  id ${id},
  kind TEXT NOT NULL CHECK (kind IN ('ARTIFACT', 'EXECUTION', 'CONTEXT')),
  name TEXT NOT NULL,
  create_time BIGINT NOT NULL,
  UNIQUE (kind, name)
);

CREATE TABLE type_property (
  type_id BIGINT NOT NULL REFERENCES metadata_type (id),
  name TEXT NOT NULL,
  data_type TEXT NOT NULL CHECK (data_type IN ('INT', 'DOUBLE', 'STRING', 'BOOLEAN')),
  PRIMARY KEY (type_id, name)
);

CREATE TABLE artifact (
  id ${id},
  type_id BIGINT NOT NULL REFERENCES metadata_type (id),
  uri TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('PENDING', 'LIVE', 'MARKED_FOR_DELETION', 'DELETED')),
  fingerprint TEXT,
  create_time BIGINT NOT NULL,
  update_time BIGINT NOT NULL
);
CREATE INDEX artifact_by_fingerprint ON artifact (fingerprint);
CREATE INDEX artifact_by_uri ON artifact (uri);

CREATE TABLE artifact_property (
  artifact_id BIGINT NOT NULL REFERENCES artifact (id),
  name TEXT NOT NULL,
  value_type TEXT NOT NULL,
  int_value BIGINT,
  double_value DOUBLE PRECISION,
  string_value TEXT,
  PRIMARY KEY (artifact_id, name)
);

CREATE TABLE execution (
  id ${id},
  type_id BIGINT NOT NULL REFERENCES metadata_type (id),
  state TEXT NOT NULL CHECK (state IN ('NEW', 'RUNNING', 'COMPLETE', 'FAILED', 'CACHED', 'CANCELED')),
  cache_key TEXT,
  create_time BIGINT NOT NULL,
  update_time BIGINT NOT NULL
);
-- The cache lookup: WHERE cache_key = ? AND state = 'COMPLETE' ORDER BY create_time DESC, id DESC LIMIT 1.
CREATE INDEX execution_by_cache_key ON execution (cache_key, state, create_time, id);

CREATE TABLE execution_property (
  execution_id BIGINT NOT NULL REFERENCES execution (id),
  name TEXT NOT NULL,
  value_type TEXT NOT NULL,
  int_value BIGINT,
  double_value DOUBLE PRECISION,
  string_value TEXT,
  PRIMARY KEY (execution_id, name)
);

CREATE TABLE context (
  id ${id},
  type_id BIGINT NOT NULL REFERENCES metadata_type (id),
  name TEXT NOT NULL,
  create_time BIGINT NOT NULL,
  UNIQUE (type_id, name)
);

CREATE TABLE context_property (
  context_id BIGINT NOT NULL REFERENCES context (id),
  name TEXT NOT NULL,
  value_type TEXT NOT NULL,
  int_value BIGINT,
  double_value DOUBLE PRECISION,
  string_value TEXT,
  PRIMARY KEY (context_id, name)
);

CREATE TABLE event (
  id ${id},
  artifact_id BIGINT NOT NULL REFERENCES artifact (id),
  execution_id BIGINT NOT NULL REFERENCES execution (id),
  kind TEXT NOT NULL CHECK (kind IN ('INPUT', 'OUTPUT')),
  io_key TEXT NOT NULL,
  io_index INTEGER NOT NULL,
  create_time BIGINT NOT NULL
);
-- Lineage walks both ways: artifact -> executions (by kind) and execution -> artifacts (by kind).
CREATE INDEX event_by_artifact ON event (artifact_id, kind, execution_id);
CREATE INDEX event_by_execution ON event (execution_id, kind, artifact_id);

CREATE TABLE attribution (
  artifact_id BIGINT NOT NULL REFERENCES artifact (id),
  context_id BIGINT NOT NULL REFERENCES context (id),
  PRIMARY KEY (artifact_id, context_id)
);
CREATE INDEX attribution_by_context ON attribution (context_id, artifact_id);

CREATE TABLE association (
  execution_id BIGINT NOT NULL REFERENCES execution (id),
  context_id BIGINT NOT NULL REFERENCES context (id),
  PRIMARY KEY (execution_id, context_id)
);
CREATE INDEX association_by_context ON association (context_id, execution_id);
