package org.athar.engine;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link org.springframework.util.unit.DataSize} setting that may also be written as the JVM writes sizes
 * ({@code 512m}, {@code 1g}), as well as Spring's way ({@code 512MB}); see {@link JvmSizeConverter}. Other sizes keep
 * Spring's rules only.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD})
@interface JvmSize {}
