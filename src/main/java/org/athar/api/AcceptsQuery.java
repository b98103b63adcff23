package org.athar.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that reads its whole query string with a parser and refuses unknown names: the OpenAPI document
 * lists the parameters of {@link #value()} for it ({@link ApiDocumentation}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface AcceptsQuery {
    QueryParameterSet value();
}
