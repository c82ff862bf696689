package io.prodline.serving.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prodline.serving.testing.ExternalProcess;
import io.prodline.serving.testing.HttpTestClient.Answer;
import io.prodline.serving.testing.TestRepository;
import io.prodline.serving.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /dashboard}: the page itself, and its script run by Node.js against the live server (skipped where
 * {@code node} is not on the path), with the page's reads of the statistics and the figures it draws from them.
 */
class DashboardEndpointTest {
  private static final Path PAGE = Path.of("src/main/resources/io/prodline/serving/dashboard/dashboard.html");
  private static final Path HARNESS = Path.of("src/test/js/dashboard_page.js");

  @RegisterExtension
  static final TestServer served = new TestServer();

  @Test
  void servesOneSelfContainedPage() throws Exception {
    Answer page = served.http().get("/dashboard");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("content-type")).isEqualTo("text/html; charset=utf-8");
    assertThat(page.body()).isEqualTo(Files.readString(PAGE)).contains("fetch(\"/v2/models/stats\")");
    // Nothing is fetched from elsewhere: the page works offline and behind a proxy.
    assertThat(page.body()).doesNotContain("http://", "https://", "<link", "src=");
    Answer post = served.http().post("/dashboard", "");
    assertThat(post.status()).isEqualTo(405);
    assertThat(post.error()).isEqualTo("method POST is not allowed on /dashboard; use GET");
  }

  @Test
  void drawsEachLoadedVersionFromTheStatistics() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/node")), "needs Node.js at /usr/bin/node");
    ExternalProcess.Result run = ExternalProcess.run(List.of("/usr/bin/node", HARNESS.toString(), PAGE.toString(),
        served.http().uri("")));
    assertThat(run.exitCode()).as(run.output()).isZero();
    JsonNode elements = new ObjectMapper().readTree(run.output());

    assertThat(elements.get("meta").get("textContent").asText())
        .startsWith("prodline ").contains(" · 6 loaded versions · updated ");
    String versions = elements.get("versions").get("innerHTML").asText();
    for (String version : List.of("churn", "exploding", "houses", "iris", "slow")) {
      assertThat(versions).contains("<h2>" + version + " <span class=\"version\">version ");
    }
    // iris between the two reads: five requests of two rows, each one model call of two rows.
    String iris = versions.substring(versions.indexOf("<h2>iris "), versions.indexOf("</section>",
        versions.indexOf("<h2>iris ")));
    assertThat(iris).contains("<title>2 rows: 5 calls, ").contains("<rect class=\"infer\"")
        .contains("<div class=\"what\">requests since load</div>").contains("<div class=\"value\">5</div>");
    assertThat(versions).doesNotContain("NaN", "undefined");
  }
}
