package org.athar.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code athar.demo.*}: whether a first start with an empty index loads synthetic demo data, and how many reports.
 *
 * @param enabled whether a first start with an empty index loads synthetic (invented) demo reports
 * @param size how many demo reports are loaded
 */
@ConfigurationProperties("athar.demo")
public record DemoProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("20000") long size) {}
