package io.prodline.app;

import io.prodline.core.error.ProdlineException;
import io.prodline.data.schema.Schema;
import io.prodline.data.schema.SchemaYaml;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the schema named by {@code --schema}, with an error that says how to make one when it is not there. */
final class SchemaFile {
  private SchemaFile() {}

  static Schema read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ProdlineException(file + ": no such schema file; infer one with prodline data schema --data "
          + "LOCATION --output " + file);
    }
    return SchemaYaml.read(file);
  }
}
