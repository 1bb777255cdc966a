package dev.cairn.testing.node;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** How {@link AnvilExtension} starts the anvil of the annotated test class. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface AnvilArgs {
  /** Extra command-line arguments, e.g. {@code {"--no-mining"}}. */
  String[] value() default {};

  /**
   * Share one anvil with every other shared test class using the same arguments, for the whole test
   * run, instead of starting one for this class. Only safe for classes that tolerate other classes'
   * blocks and transactions (e.g. read-only checks, or each class using its own dev accounts).
   */
  boolean shared() default false;
}
