package io.affinitygrid.node.boot.health;

import org.apache.ignite.Ignite;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code grid} component of {@code /actuator/health}, when Actuator's health support is present. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
public class GridHealthConfiguration {

    /** Named {@code gridHealthIndicator}, so that Actuator lists it as {@code grid}. */
    @Bean
    @ConditionalOnMissingBean
    public GridHealthIndicator gridHealthIndicator(Ignite ignite) {
        return new GridHealthIndicator(ignite);
    }
}
