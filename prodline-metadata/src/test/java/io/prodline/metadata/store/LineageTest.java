package io.prodline.metadata.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.metadata.MetadataDatabase;
import io.prodline.metadata.testing.Backend;
import io.prodline.metadata.testing.SteppingClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass
@EnumSource(Backend.class)
class LineageTest {
  @Parameter
  Backend backend;

  @TempDir
  Path dir;

  Backend.TestDatabase testDb;
  MetadataDatabase db;
  MetadataStore store;

  @BeforeEach
  void open() {
    testDb = backend.create(dir);
    db = testDb.open(new SteppingClock(0));
    store = db.store();
    store.putType(TypeKind.ARTIFACT, "Data", Map.of());
    store.putType(TypeKind.EXECUTION, "Step", Map.of());
  }

  @AfterEach
  void close() {
    db.close();
    testDb.close();
  }

  @Test
  void chainIsWalkedUpAndDownToExactlyTheHopLimit() {
    // a0 -> s1 -> a1 -> s2 -> a2 ... -> s6 -> a6; each step also writes a log nobody reads
    List<Artifact> chain = new ArrayList<>(List.of(store.putArtifact(ArtifactSpec.live("Data", "a0", null))));
    List<Execution> steps = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      RecordedExecution r = step(List.of(chain.get(i - 1)), "a" + i, "log" + i);
      steps.add(r.execution());
      chain.add(r.outputs().get(0));
    }

    LineageGraph up = store.upstream(chain.get(6).id(), 5);
    assertThat(up.artifacts()).extracting(Artifact::uri).containsExactly("a1", "a2", "a3", "a4", "a5", "a6");
    assertThat(up.executions()).containsExactlyElementsOf(steps.subList(1, 6));
    assertThat(up.events()).hasSize(10).allMatch(e -> up.artifact(e.artifactId()).isPresent());

    LineageGraph down = store.downstream(chain.get(0).id(), 5);
    assertThat(down.artifacts()).extracting(Artifact::uri)
        .containsExactly("a0", "a1", "log1", "a2", "log2", "a3", "log3", "a4", "log4", "a5", "log5");
    assertThat(down.executions()).containsExactlyElementsOf(steps.subList(0, 5));

    assertThat(store.upstream(chain.get(6).id(), 0).artifacts()).containsExactly(chain.get(6));
    assertThat(store.upstream(chain.get(6).id(), 0).events()).isEmpty();
    assertThat(store.upstream(chain.get(0).id(), 5).artifacts()).containsExactly(chain.get(0));
  }

  @Test
  void diamondIsWalkedThroughBothBranchesOnce() {
    // d0 -> A -> x, d0 -> B -> y, (x, y) -> C -> m -> D -> n -> E -> p -> F -> q
    Artifact d0 = store.putArtifact(ArtifactSpec.live("Data", "d0", null));
    Artifact x = step(List.of(d0), "x").outputs().get(0);
    Artifact y = step(List.of(d0), "y").outputs().get(0);
    Artifact m = step(List.of(x, y), "m").outputs().get(0);
    Artifact n = step(List.of(m), "n").outputs().get(0);
    Artifact p = step(List.of(n), "p").outputs().get(0);
    Artifact q = step(List.of(p), "q").outputs().get(0);

    LineageGraph up = store.upstream(q.id(), 5);
    assertThat(up.artifacts()).containsExactly(d0, x, y, m, n, p, q);
    assertThat(up.executions()).hasSize(6);
    assertThat(up.events()).hasSize(13).doesNotHaveDuplicates();

    LineageGraph shorter = store.upstream(q.id(), 4);
    assertThat(shorter.artifacts()).containsExactly(x, y, m, n, p, q);
    assertThat(shorter.executions()).hasSize(4);

    LineageGraph down = store.downstream(d0.id(), 5);
    assertThat(down.artifacts()).containsExactly(d0, x, y, m, n, p, q);
    assertThat(down.events()).hasSize(13);
    assertThat(store.downstream(x.id(), 5).artifacts()).containsExactly(x, m, n, p, q);
  }

  @Test
  void lineageOfAnUnknownArtifactOrNegativeHopsFailsClearly() {
    assertThatThrownBy(() -> store.upstream(12345, 5)).isInstanceOf(MetadataNotFoundException.class)
        .hasMessageContaining("artifact 12345");
    Artifact a = store.putArtifact(ArtifactSpec.live("Data", "a", null));
    assertThatThrownBy(() -> store.downstream(a.id(), -1)).isInstanceOf(MetadataException.class)
        .hasMessageContaining("maxHops is -1");
  }

  private RecordedExecution step(List<Artifact> inputs, String... outputUris) {
    List<ArtifactBinding> in = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      in.add(new ArtifactBinding("in", i, ArtifactRef.existing(inputs.get(i).id())));
    }
    List<ArtifactBinding> out = Arrays.stream(outputUris)
        .map(uri -> ArtifactBinding.of(uri.startsWith("log") ? "log" : "out",
            ArtifactRef.create(ArtifactSpec.live("Data", uri, null))))
        .toList();
    return store.recordExecution(new ExecutionRecord(ExecutionSpec.of("Step", ExecutionState.COMPLETE, null), in, out,
        List.of()));
  }
}
