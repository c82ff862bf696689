package io.prodline.serving.lifecycle;

import static io.prodline.serving.lifecycle.PolicyTables.describe;
import static io.prodline.serving.lifecycle.PolicyTables.versions;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** States → action: unload the old version first, load the new one once nothing unwanted holds resources. */
class ResourcePreservingPolicyTest {
  private final AspiredVersionPolicy policy = new ResourcePreservingPolicy();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # versions (number state aspired)                  | expected action
      1 AVAILABLE - ; 2 NEW +                              | unload 1
      1 UNLOADING - ; 2 NEW +                              | none
      1 LOADING - ; 2 NEW +                                | none
      2 NEW +                                              | load 2
      1 AVAILABLE - ; 2 AVAILABLE - ; 3 NEW +              | unload 1
      1 AVAILABLE + ; 2 NEW + ; 3 NEW +                    | load 3
      1 AVAILABLE + ; 2 AVAILABLE +                        | none
      1 AVAILABLE -                                        | unload 1
      1 ERROR + ; 2 NEW +                                  | load 2
      """)
  void decides(String table, String expected) {
    assertThat(describe(policy.next(versions(table.split(";"))))).isEqualTo(expected);
  }
}
