package io.prodline.app;

import io.prodline.core.error.ProdlineException;
import io.prodline.metadata.MetadataDatabase;
import io.prodline.pipeline.lineage.ModelLineage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code prodline lineage <model>:<version>}: where a registered model came from, down to its data files. */
@Command(name = "lineage", mixinStandardHelpOptions = true,
    description = {"Print the upstream lineage of a registered model version as a tree: the executions that made",
        "it (component, step, run, configuration) and every artifact they read, with fingerprints, down to the",
        "data files."})
final class LineageCommand extends MetadataCommand {
  @Parameters(paramLabel = "MODEL:VERSION", description = "e.g. breast_cancer:3")
  String target;

  @Override
  public Integer call() {
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
