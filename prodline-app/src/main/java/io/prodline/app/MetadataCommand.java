package io.prodline.app;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that reads or writes the metadata database: the shared {@code --home}/{@code --metadata-url} options and
 * the command's output writer, declared once for every such command.
 */
abstract class MetadataCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  MetadataOptions metadata;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
