package io.prodline.app;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.fingerprint.ContentFingerprint;
import io.prodline.metadata.MetadataDatabase;
import io.prodline.pipeline.lineage.ModelLineage;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code prodline lineage <model>:<version>}: where a registered model came from, down to its data files. */
@Command(name = "lineage", mixinStandardHelpOptions = true,
    description = {"Print the upstream lineage of a registered model version as a tree: the executions that made "
            + "it (component, step, run, configuration) and every artifact they read, with fingerprints, down to the "
            + "data files.",
        "With --downstream DATA_FILE, the other way: every model trained on that data (found by its",
        "content, so a copy under another path answers the same)."},
    footer = {"", "Examples:",
        "  prodline lineage breast_cancer:1",
        "  prodline lineage --downstream examples/data/breast_cancer.csv"})
final class LineageCommand extends MetadataCommand {
  @Parameters(paramLabel = "MODEL:VERSION", arity = "0..1", description = "e.g. breast_cancer:3")
  String target;

  @Option(names = "--downstream", paramLabel = "DATA_FILE",
      description = "List the models trained on this data file instead.")
  Path downstream;

  @Override
  public Integer call() {
    if (downstream != null) {
      if (!Files.isRegularFile(downstream)) {
        throw new ProdlineException("data file " + downstream + " does not exist");
      }
      try (MetadataDatabase db = metadata.open()) {
        out().print(new ModelLineage(db.store(), db.registry())
            .modelsTrainedOn(ContentFingerprint.sha256(downstream)));
      }
      return 0;
    }
    if (target == null) {
      throw new ProdlineException("name a model version (e.g. breast_cancer:1) or --downstream DATA_FILE");
    }
    int colon = target.lastIndexOf(':');
    if (colon <= 0 || !target.substring(colon + 1).matches("[1-9][0-9]{0,8}")) {
      throw new ProdlineException("write the model as <model>:<version>, e.g. breast_cancer:1, not '" + target + "'");
    }
    try (MetadataDatabase db = metadata.open()) {
      out().print(new ModelLineage(db.store(), db.registry())
          .tree(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1))));
    }
    return 0;
  }
}
