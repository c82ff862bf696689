package io.prodline.serving.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.prodline.serving.lifecycle.VersionSelector;
import io.prodline.serving.rest.Route.Endpoint;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RouteTest {
  @Test
  void parsesTheTfServingPaths() {
    assertThat(Route.parse("/v1/models/houses")).contains(new Route(Endpoint.STATUS, "houses", OptionalLong.empty()));
    assertThat(Route.parse("/v1/models/houses/versions/2"))
        .contains(new Route(Endpoint.STATUS, "houses", OptionalLong.of(2)));
    assertThat(Route.parse("/v1/models/houses:predict"))
        .contains(new Route(Endpoint.PREDICT, "houses", OptionalLong.empty()));
    assertThat(Route.parse("/v1/models/houses/versions/12:predict"))
        .contains(new Route(Endpoint.PREDICT, "houses", OptionalLong.of(12)));
    assertThat(Route.parse("/v1/models/houses/metadata"))
        .contains(new Route(Endpoint.METADATA, "houses", OptionalLong.empty()));
    assertThat(Route.parse("/v1/models/houses/versions/3/metadata"))
        .contains(new Route(Endpoint.METADATA, "houses", OptionalLong.of(3)));
  }

  @Test
  void parsesLabelsClassifyAndRegress() {
    assertThat(Route.parse("/v1/models/houses/labels/stable:predict")).contains(
        new Route(Endpoint.PREDICT, "houses", OptionalLong.empty(), Optional.of("stable")));
    assertThat(Route.parse("/v1/models/houses/labels/canary")).contains(
        new Route(Endpoint.STATUS, "houses", OptionalLong.empty(), Optional.of("canary")));
    assertThat(Route.parse("/v1/models/houses/labels/canary/metadata")).contains(
        new Route(Endpoint.METADATA, "houses", OptionalLong.empty(), Optional.of("canary")));
    assertThat(Route.parse("/v1/models/iris:classify"))
        .contains(new Route(Endpoint.CLASSIFY, "iris", OptionalLong.empty()));
    assertThat(Route.parse("/v1/models/houses/versions/2:regress"))
        .contains(new Route(Endpoint.REGRESS, "houses", OptionalLong.of(2)));
    assertThat(Route.parse("/v1/models/houses/labels/stable:predict").orElseThrow().selector())
        .isEqualTo(VersionSelector.label("stable"));
  }

  @Test
  void rejectsOtherPaths() {
    assertThat(Route.parse("/")).isEmpty();
    assertThat(Route.parse("/v1/models/")).isEmpty();
    assertThat(Route.parse("/v1/models/houses/")).isEmpty();
    assertThat(Route.parse("/v1/models/houses:explain")).isEmpty();
    assertThat(Route.parse("/v1/models/houses/labels/")).isEmpty();
    assertThat(Route.parse("/v1/models/houses/versions/1/labels/stable")).isEmpty();
    assertThat(Route.parse("/v1/models/houses/versions/latest")).isEmpty();
    assertThat(Route.parse("/v1/models/houses/versions/99999999999999999999")).isEmpty();
    assertThat(Route.parse("/v2/models/houses")).isEmpty();
  }
}
