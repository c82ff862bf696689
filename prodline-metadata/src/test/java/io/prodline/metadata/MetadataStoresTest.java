package io.prodline.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.metadata.store.MetadataException;
import io.prodline.metadata.store.PropertyType;
import io.prodline.metadata.store.TypeKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataStoresTest {
  @Test
  void withoutAUrlTheStoreIsASqliteFileUnderHome(@TempDir Path dir) {
    Path home = dir.resolve("home");
    try (MetadataDatabase db = MetadataStores.open(null, home)) {
      db.store().putType(TypeKind.ARTIFACT, "Examples", Map.of("rows", PropertyType.INT));
      assertThat(db.url()).isEqualTo("jdbc:sqlite:" + home.toAbsolutePath().resolve("metadata.db"));
    }
    assertThat(Files.isRegularFile(home.resolve(MetadataStores.SQLITE_FILE))).isTrue();
    try (MetadataDatabase db = MetadataStores.open(" ", home)) {
      assertThat(db.store().type(TypeKind.ARTIFACT, "Examples")).isPresent();
    }
  }

  @Test
  void aPostgresUrlIsUsedAsGiven(@TempDir Path dir) {
    assertThat(MetadataStores.url("jdbc:postgresql://db:5432/ml", dir)).isEqualTo("jdbc:postgresql://db:5432/ml");
  }

  @Test
  void unsupportedOrUnreachableDatabasesFailNamingTheUrlWithoutItsPassword(@TempDir Path dir) {
    assertThatThrownBy(() -> MetadataStores.open("jdbc:mysql://db/ml", dir)).isInstanceOf(MetadataException.class)
        .hasMessageContaining("jdbc:mysql://db/ml").hasMessageContaining("jdbc:postgresql://");
    assertThatThrownBy(() -> MetadataStores.open(
        "jdbc:postgresql://127.0.0.1:1/ml?user=ml&password=secret&connectTimeout=2", dir))
        .isInstanceOf(MetadataException.class).hasMessageContaining("127.0.0.1:1")
        .hasMessageContaining("PostgreSQL server is running").hasMessageNotContaining("secret");
  }
}
