package org.athar;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Athar: the embedded (or external) engine, the REST API and the Vaadin UI. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AtharApplication {

    public static void main(String[] args) {
        SpringApplication.run(AtharApplication.class, args);
    }
}
