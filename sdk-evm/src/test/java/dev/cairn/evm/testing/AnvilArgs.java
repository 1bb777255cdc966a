package dev.cairn.evm.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Extra command-line arguments for the anvil that {@link AnvilExtension} starts for the annotated class. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AnvilArgs {
  /** The arguments, e.g. {@code {"--no-mining"}}. */
  String[] value();
}
