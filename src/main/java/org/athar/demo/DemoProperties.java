package org.athar.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code athar.demo.*}: whether a first start with an empty index loads synthetic demo data, and how many reports.
 */
@ConfigurationProperties("athar.demo")
public record DemoProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20000") long size) {}
