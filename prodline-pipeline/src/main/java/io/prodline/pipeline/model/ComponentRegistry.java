package io.prodline.pipeline.model;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The components a pipeline may name, by {@link Component#name()}. Immutable; {@link #with} returns a copy. */
public final class ComponentRegistry {
  private final Map<String, Component> byName;

  private ComponentRegistry(Map<String, Component> byName) {
    this.byName = Map.copyOf(byName);
  }

  public static ComponentRegistry of(Collection<? extends Component> components) {
    Map<String, Component> map = new TreeMap<>();
    for (Component c : components) {
      if (map.put(c.name(), c) != null) {
        throw new IllegalArgumentException("two components are named '" + c.name() + "'");
      }
    }
    return new ComponentRegistry(map);
  }

  /**
   * Every component on the class path that lists itself in {@code META-INF/services/io.prodline.pipeline.model.Component}:
   * the standard ones and any custom ones added to the class path.
   */
  public static ComponentRegistry discover() {
    return of(ServiceLoader.load(Component.class).stream().map(ServiceLoader.Provider::get).toList());
  }

  /** This registry plus {@code more}; a name already taken is an error. */
  public ComponentRegistry with(Component... more) {
    List<Component> all = new java.util.ArrayList<>(byName.values());
    all.addAll(List.of(more));
    return of(all);
  }

  public Optional<Component> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Names in alphabetical order. */
  public List<String> names() {
    return byName.keySet().stream().sorted().toList();
  }

  public List<Component> all() {
    return names().stream().map(byName::get).toList();
  }
}
