/** Test fixtures: the SQLite and PostgreSQL backends every store test runs on, and a hand-set clock. */
package io.prodline.metadata.testing;
