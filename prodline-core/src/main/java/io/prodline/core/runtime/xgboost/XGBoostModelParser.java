package io.prodline.core.runtime.xgboost;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.prodline.core.error.ProdlineException;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an XGBoost model file (JSON or UBJSON, as written by {@code Booster.save_model}) into an
 * {@link XGBoostRuntime}, checking everything prediction relies on so that a bad file fails here, with a message
 * naming the file and the problem, and never later as a wrong number or an index error.
 *
 * <p>Supported: boosters gbtree, dart and gblinear; the objectives of {@link Objective}; numerical and categorical
 * splits, with missing values. Refused: vector-leaf (multi_output_tree) trees.
 */
public final class XGBoostModelParser {
  private XGBoostModelParser() {}

  /** Reads and checks a model file; the format (JSON or UBJSON) is detected from the content. */
  public static XGBoostRuntime parse(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new ProdlineException(file + ": cannot read the XGBoost model: " + e.getMessage(), e);
    }
  }

  /** Reads a model from bytes (e.g. {@code Booster.toByteArray("json")}); {@code source} names it in errors. */
  public static XGBoostRuntime parse(byte[] model, String source) {
    try {
      return parse(new ByteArrayInputStream(model), source);
    } catch (IOException e) {
      throw new ProdlineException(source + ": cannot read the XGBoost model: " + e.getMessage(), e);
    }
  }

  private static XGBoostRuntime parse(InputStream raw, String source) throws IOException {
    Object document;
    try {
      document = readDocument(new BufferedInputStream(raw, 1 << 16));
    } catch (ModelFormatException e) {
      throw new ProdlineException(source + ": " + e.getMessage());
    } catch (JsonProcessingException e) {
      throw new ProdlineException(source + ": is not valid JSON: " + e.getOriginalMessage()
          + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()), e);
    }
    try {
      return build(DocumentNode.root(document));
    } catch (ModelFormatException e) {
      throw new ProdlineException(source + ": " + e.getMessage());
    }
  }

  /** Detects the format from the first bytes: JSON text or UBJSON (both start with '{'). */
  private static Object readDocument(BufferedInputStream in) throws IOException {
    in.mark(64);
    int first = in.read();
    while (first == ' ' || first == '\n' || first == '\r' || first == '\t') {
      first = in.read();
    }
    int second = in.read();
    while (second == ' ' || second == '\n' || second == '\r' || second == '\t') {
      second = in.read();
    }
    in.reset();
    if (first < 0) {
      throw new ModelFormatException("the file is empty");
    }
    if (first != '{') {
      throw new ModelFormatException("is not an XGBoost JSON or UBJSON model (the old binary format is not "
          + "supported: load it in XGBoost and save it again as .json or .ubj)");
    }
    if (second == '"' || second == '}') {
      return JsonDocumentReader.read(in);
    }
    return UbjsonDocumentReader.read(in);
  }

  private static XGBoostRuntime build(DocumentNode root) {
    if (!root.has("learner")) {
      throw new ModelFormatException("is not an XGBoost model: it has no 'learner' object");
    }
    DocumentNode learner = root.field("learner");
    DocumentNode params = learner.field("learner_model_param");
    int numFeature = params.field("num_feature").nonNegativeInt();
    int numClass = params.has("num_class") ? params.field("num_class").nonNegativeInt() : 0;
    int numTarget = params.has("num_target") ? params.field("num_target").nonNegativeInt() : 1;
    if (numClass > 0 && numTarget > 1) {
      throw new ModelFormatException("num_class " + numClass + " and num_target " + numTarget
          + " cannot both be set");
    }
    int groups = Math.max(1, Math.max(numClass, numTarget));

    String objectiveName = learner.field("objective").field("name").string();
    Objective objective = Objective.forName(objectiveName);
    if (objective == null) {
      throw new ModelFormatException("objective '" + objectiveName + "' is not supported; supported: "
          + Objective.supportedNames());
    }
    if ((objective == Objective.SOFTPROB || objective == Objective.SOFTMAX) && numClass < 1) {
      throw new ModelFormatException("objective " + objectiveName + " needs num_class, found " + numClass);
    }
    float[] baseMargins = baseMargins(params.field("base_score"), groups, objective);

    DocumentNode gradientBooster = learner.field("gradient_booster");
    String boosterName = gradientBooster.field("name").string();
    Booster booster = switch (boosterName) {
      case "gbtree" -> TreeEnsembleParser.parse(gradientBooster.field("model"), null, numFeature, groups);
      case "dart" -> TreeEnsembleParser.parse(gradientBooster.field("gbtree").field("model"),
          gradientBooster.field("weight_drop"), numFeature, groups);
      case "gblinear" -> linear(gradientBooster.field("model"), numFeature, groups);
      default -> throw new ModelFormatException("booster '" + boosterName
          + "' is not supported; supported: gbtree, dart, gblinear");
    };
    return new XGBoostRuntime(numFeature, baseMargins, booster, objective, objectiveName,
        featureNames(learner, numFeature));
  }

  /** {@code learner.feature_names}: saved when the training DMatrix had names; empty or absent otherwise. */
  private static List<String> featureNames(DocumentNode learner, int numFeature) {
    if (!learner.has("feature_names")) {
      return List.of();
    }
    DocumentNode node = learner.field("feature_names");
    if (node.size() == 0) {
      return List.of();
    }
    List<String> names = new ArrayList<>(numFeature);
    for (DocumentNode name : node.elements()) {
      names.add(name.string());
    }
    if (names.size() != numFeature) {
      throw new ModelFormatException(node.path() + " has " + names.size() + " names; expected num_feature "
          + numFeature);
    }
    return names;
  }

  /**
   * {@code base_score} is saved in output space as a string: {@code "5E-1"}, or a vector {@code "[5E-1]"} /
   * {@code "[a,b,c]"} (one per group) in newer versions. Each is converted to a margin by the objective.
   */
  static float[] baseMargins(DocumentNode node, int groups, Objective objective) {
    float[] scores;
    try {
      scores = parseBaseScore(node);
    } catch (NumberFormatException e) {
      throw new ModelFormatException(node.path() + " is not a number or a vector of numbers");
    }
    if (scores.length != 1 && scores.length != groups) {
      throw new ModelFormatException(node.path() + " has " + scores.length + " values; expected 1 or " + groups);
    }
    float[] margins = new float[groups];
    for (int g = 0; g < groups; g++) {
      margins[g] = objective.baseScoreToMargin(scores[scores.length == 1 ? 0 : g]);
    }
    return margins;
  }

  private static float[] parseBaseScore(DocumentNode node) {
    if (!node.isString()) {
      return node.isNumber() ? new float[] {node.floatValue()} : node.floats();
    }
    String text = node.string().trim();
    if (text.startsWith("[") && text.endsWith("]")) {
      String[] parts = text.substring(1, text.length() - 1).split(",");
      float[] out = new float[parts.length];
      for (int i = 0; i < parts.length; i++) {
        out[i] = Float.parseFloat(parts[i].trim());
      }
      return out;
    }
    return new float[] {Float.parseFloat(text)};
  }

  private static LinearBooster linear(DocumentNode model, int numFeature, int groups) {
    DocumentNode weightsNode = model.field("weights");
    float[] weights = weightsNode.floats();
    long expected = (long) (numFeature + 1) * groups;
    if (weights.length != expected) {
      throw new ModelFormatException(weightsNode.path() + " has " + weights.length + " values; expected "
          + expected + " ((num_feature " + numFeature + " + 1 bias) * " + groups + " groups)");
    }
    return new LinearBooster(numFeature, groups, weights);
  }
}
