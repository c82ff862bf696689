import io.prodline.core.frame.Frame;
import io.prodline.data.source.DataSource;
import io.prodline.data.source.DataSources;
import io.prodline.data.source.SourceOptions;
import io.prodline.data.source.arrow.ArrowIpcWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a CSV as an Arrow IPC file (Feather v2) with the column types prodline infers, in record batches of 65,536
 * rows as pyarrow's Feather writer makes them, uncompressed or Zstandard-compressed (ArrowIpcWriter). The batch
 * prediction benchmark's Arrow input.
 *
 * <p>java --add-opens=java.base/java.nio=ALL-UNNAMED -cp 'prodline-app/target/dist/lib/*'
 * bench/predict/CsvToArrow.java INPUT.csv OUTPUT.arrow [none|zstd]
 */
public class CsvToArrow {
  private static final int BATCH_ROWS = 65_536;

  public static void main(String[] args) throws Exception {
    ArrowIpcWriter.Compression compression =
        ArrowIpcWriter.Compression.valueOf((args.length > 2 ? args[2] : "none").toUpperCase(Locale.ROOT));
    long rows = 0;
    try (DataSource source = DataSources.open(args[0], SourceOptions.defaults().withBatchRows(BATCH_ROWS));
        ArrowIpcWriter writer = new ArrowIpcWriter(FileChannel.open(Path.of(args[1]), StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), source.schema(), Set.of(), compression)) {
      for (Frame frame : source) {
        writer.write(frame);
        rows += frame.rowCount();
      }
    }
    System.out.println("wrote " + rows + " rows to " + args[1] + " (" + compression + ")");
  }
}
