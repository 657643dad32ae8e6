package io.affinitygrid.node.boot;

import java.util.Locale;

import io.affinitygrid.node.GridConfigurationException;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link GridConfigurationException} that stopped the node from starting: which {@code grid.*}
 * property holds which bad value and why, and where to fix it.
 */
public class GridConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<GridConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, GridConfigurationException cause) {
        String property = cause.property();
        String description = (cause.value() == null ? "Configuration property '" + property + "' has no value"
                : "Invalid value '" + cause.value() + "' for configuration property '" + property + "'")
                + ": " + sentence(cause.problem());
        String action = "Fix '" + property + "' in config/grid-node.yml";
        String variable = environmentVariable(property);
        if (variable != null && property.contains("[")) {
            // An environment variable for one list element replaces the whole list from the files.
            action += ", or, when the list comes from environment variables, set " + variable
                    + " along with the other entries' variables";
        }
        else if (variable != null) {
            action += ", or override it with the environment variable " + variable;
        }
        return new FailureAnalysis(description, action + ".", cause);
    }

    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }

    /**
     * The environment variable that sets a property under Spring Boot's relaxed binding: upper case, dots and
     * list indexes as underscores, dashes removed ({@code grid.maps[0].backups} is
     * {@code GRID_CACHES_0_BACKUPS}, {@code grid.node-name} is {@code GRID_NODENAME}).
     *
     * @return the variable's name, or {@code null} when the property name is not a valid one
     */
    static String environmentVariable(String property) {
        ConfigurationPropertyName name = property == null ? null : ConfigurationPropertyName.ofIfValid(property);
        if (name == null || name.isEmpty()) {
            return null;
        }
        StringBuilder variable = new StringBuilder();
        for (int i = 0; i < name.getNumberOfElements(); i++) {
            if (i > 0) {
                variable.append('_');
            }
            variable.append(name.getElement(i, Form.UNIFORM).toUpperCase(Locale.ROOT));
        }
        return variable.toString();
    }
}
