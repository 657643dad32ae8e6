package io.affinitygrid.node.boot;

import io.affinitygrid.node.GridNodeSettings;

/**
 * Adjusts the node settings built from the {@code grid.*} properties, for what the properties do not cover.
 * Every customizer bean is applied, in {@link org.springframework.core.annotation.Order @Order} order, before
 * the settings are checked, so a customizer's values are checked like the properties'.
 */
@FunctionalInterface
public interface GridNodeSettingsCustomizer {

    /**
     * Customizes the settings about to be built.
     *
     * @param builder the builder, already holding the values of the {@code grid.*} properties
     */
    void customize(GridNodeSettings.Builder builder);
}
