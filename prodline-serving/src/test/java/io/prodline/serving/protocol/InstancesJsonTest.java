package io.prodline.serving.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.core.frame.Column;
import io.prodline.core.frame.ColumnBuilder;
import io.prodline.core.frame.ColumnType;
import io.prodline.core.frame.Frame;
import io.prodline.core.schema.Field;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstancesJsonTest {
  @Test
  void writesOneInstancePerRowWithTheInputsOnlyAndNullsKept() {
    Frame rows = Frame.of(List.of("x", "s", "label"), List.of(column(ColumnType.FLOAT64, 1.5, 2.0),
        column(ColumnType.STRING, "a", null), column(ColumnType.INT64, 0L, 1L)));
    String body = InstancesJson.of(rows, List.of(new Field("x", ColumnType.FLOAT64), new Field("s",
        ColumnType.STRING)));
    assertThat(body).isEqualTo("{\"instances\":[{\"x\":1.5,\"s\":\"a\"},{\"x\":2.0,\"s\":null}]}");
  }

  private static Column column(ColumnType type, Object... values) {
    ColumnBuilder b = Column.builder(type);
    for (Object v : values) {
      b.appendObject(v);
    }
    return b.build();
  }
}
