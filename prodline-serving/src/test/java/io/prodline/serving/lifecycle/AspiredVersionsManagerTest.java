package io.prodline.serving.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.prodline.core.error.ProdlineException;
import io.prodline.core.predict.Predictor;
import io.prodline.core.bundle.Task;
import io.prodline.core.frame.ColumnType;
import io.prodline.serving.testing.LinearTestRuntimeProvider;
import io.prodline.serving.testing.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manager with a recording loader over linear-test bundles: the order of a swap, draining before unloading,
 * and what a failed load leaves. Events read "load N" and "close N" in the order they happened.
 */
class AspiredVersionsManagerTest {
  @TempDir
  Path root;
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private final Set<Long> broken = Collections.synchronizedSet(new HashSet<>());

  private final Loader loader = (model, version, source) -> {
    collectCloses();
    events.add("load " + version);
    if (broken.contains(version)) {
      throw new ProdlineException("version " + version + " is broken");
    }
    return LoadedModel.of(Predictor.load(source));
  };

  /** Moves the closes of this test's runtimes into the event list; the file's directory names the version. */
  private List<String> collectCloses() {
    for (Path closed; (closed = LinearTestRuntimeProvider.CLOSED.poll()) != null; ) {
      if (closed.startsWith(root)) {
        events.add("close " + closed.getParent().getFileName());
      }
    }
    return events;
  }

  private AspiredVersion version(long v, boolean defaultRoute) {
    Path dir = root.resolve("m").resolve(Long.toString(v));
    if (!Files.exists(dir)) {
      TestBundles.write(root, "m", v, Task.REGRESSION, List.of(), List.of(TestBundles.field("x",
          ColumnType.FLOAT64)), Long.toString(v));
    }
    return new AspiredVersion(v, dir, defaultRoute);
  }

  private Map<String, AspiredModel> want(long... versions) {
    List<AspiredVersion> aspired = new ArrayList<>();
    for (long v : versions) {
      aspired.add(version(v, true));
    }
    return Map.of("m", new AspiredModel(aspired, Map.of("stable", versions.length == 0 ? 1 : versions[0]),
        Map.of(), VersionPolicy.DEFAULT));
  }

  private static long defaultVersion(AspiredVersionsManager manager) {
    try (VersionHandle handle = manager.acquire("m", VersionSelector.DEFAULT)) {
      return handle.version();
    }
  }

  @Test
  void availabilityPreservingSwapLoadsTheNewVersionBeforeUnloadingTheOld() {
    try (AspiredVersionsManager manager = new AspiredVersionsManager(loader, new AvailabilityPreservingPolicy())) {
      manager.setAspiredVersions(want(1));
      manager.setAspiredVersions(want(2));
      assertThat(collectCloses()).containsExactly("load 1", "load 2", "close 1");
      assertThat(manager.snapshot().model("m").statuses()).extracting(VersionStatus::version).containsExactly(2L);
      try (VersionHandle handle = manager.acquire("m", VersionSelector.DEFAULT)) {
        assertThat(handle.version()).isEqualTo(2);
      }
    }
  }

  @Test
  void resourcePreservingSwapUnloadsFirst() {
    try (AspiredVersionsManager manager = new AspiredVersionsManager(loader, new ResourcePreservingPolicy())) {
      manager.setAspiredVersions(want(1));
      manager.setAspiredVersions(want(2));
      assertThat(collectCloses()).containsExactly("load 1", "close 1", "load 2");
    }
  }

  @Test
  void aFailedNewVersionLeavesTheOldOneServingAndReportsTheError() {
    broken.add(2L);
    try (AspiredVersionsManager manager = new AspiredVersionsManager(loader, new AvailabilityPreservingPolicy())) {
      manager.setAspiredVersions(want(1));
      manager.setAspiredVersions(want(2));
      ModelSnapshot model = manager.snapshot().model("m");
      assertThat(model.defaultVersion()).hasValue(1);
      assertThat(model.statuses()).containsExactly(new VersionStatus(2, VersionState.ERROR, "version 2 is broken"),
          new VersionStatus(1, VersionState.AVAILABLE, null));
      // The failure is not retried on every scan, only after forgetFailures (a reload).
      manager.setAspiredVersions(want(2));
      assertThat(collectCloses()).containsExactly("load 1", "load 2");
      broken.clear();
      manager.forgetFailures("m");
      manager.setAspiredVersions(want(2));
      assertThat(collectCloses()).containsExactly("load 1", "load 2", "load 2", "close 1");
    }
  }

  @Test
  void unloadingWaitsForTheRequestsHoldingTheOldVersion() throws Exception {
    try (AspiredVersionsManager manager = new AspiredVersionsManager(loader, new AvailabilityPreservingPolicy())) {
      manager.setAspiredVersions(want(1));
      VersionHandle inFlight = manager.acquire("m", VersionSelector.DEFAULT);
      CompletableFuture<Void> swap = CompletableFuture.runAsync(() -> manager.setAspiredVersions(want(2)));
      // The new version takes requests while the old one drains.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (manager.snapshot().model("m").defaultVersion().orElse(0) != 2 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      try (VersionHandle next = manager.acquire("m", VersionSelector.DEFAULT)) {
        assertThat(next.version()).isEqualTo(2);
      }
      assertThatThrownBy(() -> manager.acquire("m", VersionSelector.number(1)))
          .isInstanceOf(ModelNotFoundException.class).hasMessageContaining("it is UNLOADING");
      Thread.sleep(100);
      assertThat(swap).isNotDone();
      assertThat(collectCloses()).doesNotContain("close 1");
      inFlight.close();
      swap.get(10, TimeUnit.SECONDS);
      assertThat(collectCloses()).containsExactly("load 1", "load 2", "close 1");
    }
  }

  @Test
  void labelsArePublishedAndAModelLeftOutIsUnloaded() {
    try (AspiredVersionsManager manager = new AspiredVersionsManager(loader, new AvailabilityPreservingPolicy())) {
      manager.setAspiredVersions(want(1, 2));
      try (VersionHandle stable = manager.acquire("m", VersionSelector.label("stable"))) {
        assertThat(stable.version()).isEqualTo(1);
      }
      assertThatThrownBy(() -> manager.acquire("m", VersionSelector.label("canary")))
          .isInstanceOf(ModelNotFoundException.class).hasMessage("model 'm' has no label 'canary'; its labels are "
              + "[stable]");
      manager.setAspiredVersions(Map.of());
      assertThat(manager.snapshot().names()).isEmpty();
      assertThat(collectCloses()).contains("close 1", "close 2");
    }
  }

  @Test
  void aVersionServedOnlyForALabelTakesNoUnversionedRequests() {
    try (AspiredVersionsManager manager = new AspiredVersionsManager(loader, new AvailabilityPreservingPolicy())) {
      manager.setAspiredVersions(Map.of("m", new AspiredModel(List.of(version(1, true), version(2, false)),
          Map.of("canary", 2L), Map.of(), VersionPolicy.DEFAULT)));
      assertThat(defaultVersion(manager)).isEqualTo(1);
      try (VersionHandle canary = manager.acquire("m", VersionSelector.label("canary"))) {
        assertThat(canary.version()).isEqualTo(2);
      }
    }
  }

  @Test
  void whileTheDefaultRouteHasNoAvailableVersionTheNewestAvailableOneAnswers() {
    broken.add(1L);
    try (AspiredVersionsManager manager = new AspiredVersionsManager(loader, new AvailabilityPreservingPolicy())) {
      manager.setAspiredVersions(Map.of("m", new AspiredModel(List.of(version(1, true), version(2, false)),
          Map.of("canary", 2L), Map.of(), VersionPolicy.DEFAULT)));
      assertThat(manager.snapshot().model("m").statuses()).extracting(VersionStatus::state)
          .containsExactly(VersionState.AVAILABLE, VersionState.ERROR);
      assertThat(defaultVersion(manager)).isEqualTo(2);
    }
  }

  @Test
  void anUnloadedVersionIsReportedAsEndWhileTheSourceStillHasIt() {
    try (AspiredVersionsManager manager = new AspiredVersionsManager(loader, new AvailabilityPreservingPolicy())) {
      manager.setAspiredVersions(want(1));
      manager.setAspiredVersions(Map.of("m", new AspiredModel(List.of(version(2, true)), Map.of(),
          Map.of(1L, "it is outside the version policy (latest 1)"), VersionPolicy.DEFAULT)));
      assertThat(manager.snapshot().model("m").statuses()).containsExactly(
          new VersionStatus(2, VersionState.AVAILABLE, null), new VersionStatus(1, VersionState.END, null));
      assertThatThrownBy(() -> manager.acquire("m", VersionSelector.number(1)))
          .isInstanceOf(ModelNotFoundException.class)
          .hasMessage("version 1 of model 'm' exists but is not loaded: it is outside the version policy (latest 1)");

      // Wanted again, it loads afresh; no longer listed by the source, it is forgotten once unloaded.
      manager.setAspiredVersions(want(1, 2));
      assertThat(manager.snapshot().model("m").statuses()).extracting(VersionStatus::state)
          .containsExactly(VersionState.AVAILABLE, VersionState.AVAILABLE);
      manager.setAspiredVersions(want(2));
      assertThat(manager.snapshot().model("m").statuses()).extracting(VersionStatus::version).containsExactly(2L);
      assertThat(collectCloses()).containsExactly("load 1", "load 2", "close 1", "load 1", "close 1");
    }
  }
}
