package org.opsbook.markdown;

import com.vladsch.flexmark.util.dependency.Dependent;
import java.util.Set;

/**
 * A factory that stands in for one of flexmark's own and keeps its place in flexmark's order: the
 * factories it must run before and after, and its scope, are the wrapped one's.
 */
interface WrapsFlexmark extends Dependent {
  /** The flexmark factory this one stands in for. */
  Dependent wrapped();

  @Override
  default Set<Class<?>> getAfterDependents() {
    return wrapped().getAfterDependents();
  }

  @Override
  default Set<Class<?>> getBeforeDependents() {
    return wrapped().getBeforeDependents();
  }

  @Override
  default boolean affectsGlobalScope() {
    return wrapped().affectsGlobalScope();
  }
}
