package io.prodline.data.source;

import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import java.util.Iterator;
import java.util.List;

/**
 * A source that reads one row at a time into a {@link FrameAssembler}: the schema, the bad records, the batches
 * and the read-once rule, written once. A subclass sets its schema with {@link #schema(List)} when it knows it
 * (before it is read) and says how to read its next row.
 */
public abstract class RowSource implements DataSource {
  private final BadRecords badRecords;
  private final int batchRows;
  private final String whatIsRead;
  private List<Field> schema;
  private FrameAssembler batch;
  private boolean started;

  /** {@code whatIsRead} names, in the error for a second read, what the source reads once ("file", "result"). */
  protected RowSource(BadRecords badRecords, int batchRows, String whatIsRead) {
    this.badRecords = badRecords;
    this.batchRows = batchRows;
    this.whatIsRead = whatIsRead;
  }

  /** Sets the columns every batch has; called once, from the subclass's constructor. */
  protected final void schema(List<Field> schema) {
    this.schema = schema;
    this.batch = new FrameAssembler(schema);
  }

  /** Reads the next row into {@code batch}, or rejects it as a bad record; false when no row is left. */
  protected abstract boolean readNext(FrameAssembler batch);

  @Override
  public final List<Field> schema() {
    return schema;
  }

  @Override
  public final BadRecords badRecords() {
    return badRecords;
  }

  /** The batches of up to {@code batchRows} rows each; may be called once, and not after {@link #readAll()}. */
  @Override
  public final Iterator<Frame> iterator() {
    start();
    return batch.batches(batchRows, this::readNext);
  }

  @Override
  public final Frame readAll() {
    start();
    return batch.readAll(this::readNext);
  }

  private void start() {
    if (started) {
      throw new IllegalStateException("a " + getClass().getSimpleName() + " reads its " + whatIsRead
          + " once; open a new one to read it again");
    }
    started = true;
  }
}
