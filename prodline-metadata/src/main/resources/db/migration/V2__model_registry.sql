-- The model registry. ${id} is the dialect's generated primary key; times are epoch milliseconds.

CREATE TABLE registered_model (
  id ${id},
  name TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL,
  -- the last version number handed out; incremented under the row's lock so concurrent registrations differ
  last_version INTEGER NOT NULL,
  create_time BIGINT NOT NULL,
  update_time BIGINT NOT NULL
);

CREATE TABLE model_version (
  model_id BIGINT NOT NULL REFERENCES registered_model (id),
  version INTEGER NOT NULL,
  bundle_fingerprint TEXT NOT NULL,
  uri TEXT NOT NULL,
  source_run TEXT,
  source_execution_id BIGINT REFERENCES execution (id),
  metrics_json TEXT NOT NULL,
  create_time BIGINT NOT NULL,
  PRIMARY KEY (model_id, version)
);
CREATE INDEX model_version_by_fingerprint ON model_version (bundle_fingerprint);

CREATE TABLE model_alias (
  model_id BIGINT NOT NULL,
  alias TEXT NOT NULL,
  version INTEGER NOT NULL,
  update_time BIGINT NOT NULL,
  PRIMARY KEY (model_id, alias),
  FOREIGN KEY (model_id, version) REFERENCES model_version (model_id, version)
);

-- version 0 holds the tags of the model itself
CREATE TABLE model_tag (
  model_id BIGINT NOT NULL REFERENCES registered_model (id),
  version INTEGER NOT NULL,
  tag TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (model_id, version, tag)
);

CREATE TABLE registry_history (
  id ${id},
  model_id BIGINT NOT NULL REFERENCES registered_model (id),
  action TEXT NOT NULL,
  version INTEGER,
  subject TEXT,
  old_value TEXT,
  new_value TEXT,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL,
  create_time BIGINT NOT NULL
);
CREATE INDEX registry_history_by_model ON registry_history (model_id, id);
