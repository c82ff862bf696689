package io.prodline.pipeline.components;

import io.prodline.data.schema.Schema;
import io.prodline.data.schema.SchemaYaml;
import java.nio.file.Path;

/** The layout of a Schema artifact: one {@code schema.yaml} in the format {@code prodline data schema} writes. */
public final class SchemaFolder {
  public static final String FILE = "schema.yaml";

  private SchemaFolder() {}

  public static Path file(Path folder) {
    return folder.resolve(FILE);
  }

  public static Schema read(Path folder) {
    return SchemaYaml.read(file(folder));
  }
}
