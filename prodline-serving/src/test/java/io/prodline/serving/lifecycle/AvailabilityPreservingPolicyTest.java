package io.prodline.serving.lifecycle;

import static io.prodline.serving.lifecycle.PolicyTables.describe;
import static io.prodline.serving.lifecycle.PolicyTables.versions;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** States → action: load the new version first, unload the old only once a wanted one serves. */
class AvailabilityPreservingPolicyTest {
  private final AspiredVersionPolicy policy = new AvailabilityPreservingPolicy();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # versions (number state aspired)                  | expected action
      1 AVAILABLE - ; 2 NEW +                              | load 2
      1 AVAILABLE - ; 2 LOADING +                          | none
      1 AVAILABLE - ; 2 AVAILABLE +                        | unload 1
      1 AVAILABLE - ; 2 ERROR +                            | none
      1 AVAILABLE - ; 2 AVAILABLE - ; 3 NEW +              | unload 1
      1 AVAILABLE -                                        | unload 1
      1 AVAILABLE + ; 2 NEW + ; 3 NEW +                    | load 3
      1 AVAILABLE + ; 2 AVAILABLE +                        | none
      1 UNLOADING - ; 2 AVAILABLE +                        | none
      1 NEW + ; 2 ERROR +                                  | load 1
      1 ERROR +                                            | none
      """)
  void decides(String table, String expected) {
    assertThat(describe(policy.next(versions(table.split(";"))))).isEqualTo(expected);
  }
}
