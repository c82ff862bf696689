package io.prodline.core.error;

/** Input data that cannot be read: the message names the source, the line and the problem. */
public class DataFormatException extends ProdlineException {
  private final String source;
  private final long line;

  public DataFormatException(String source, long line, String problem) {
    super(source + ":" + line + ": " + problem);
    this.source = source;
    this.line = line;
  }

  public DataFormatException(String source, String problem) {
    super(source + ": " + problem);
    this.source = source;
    this.line = -1;
  }

  /** The file or stream the data came from. */
  public String source() {
    return source;
  }

  /** 1-based physical line where the problem was found, or -1 when it concerns the whole source. */
  public long line() {
    return line;
  }
}
