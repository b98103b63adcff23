package org.athar;

import java.io.IOException;
import org.athar.demo.DemoCommand;
import org.athar.report.Gazetteer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Starts Athar: the embedded (or external) engine, the REST API and the Vaadin UI. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AtharApplication {

    public static void main(String[] args) throws IOException {
        if (DemoCommand.runIfRequested(args)) {
            return;
        }
        SpringApplication.run(AtharApplication.class, args);
    }

    /** Syria's governorates and districts, read once from the bundled OCHA/OpenSyria tables. */
    @Bean
    Gazetteer gazetteer() {
        return Gazetteer.load();
    }
}
