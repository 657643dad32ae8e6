package io.affinitygrid.shell;

/**
 * Reads the values of command options, failing with a message that names the option. Stateless.
 */
final class Inputs {

    private Inputs() {
    }

    /**
     * A key as typed: a {@link Long} when it reads as a whole number (the sample orders' keys are Longs),
     * else the text itself.
     */
    static Object key(String raw) {
        String text = requireText("key", raw);
        try {
            return Long.valueOf(text.strip());
        }
        catch (NumberFormatException notANumber) {
            return text;
        }
    }

    /**
     * A whole number of at least 1.
     *
     * @throws IllegalArgumentException when {@code raw} is not one
     */
    static long positiveCount(String option, String raw) {
        String text = requireText(option, raw).strip().replace("_", "");
        long value;
        try {
            value = Long.parseLong(text);
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + option + " must be a whole number, got '" + raw + "'");
        }
        if (value < 1) {
            throw new IllegalArgumentException("--" + option + " must be at least 1, got " + value);
        }
        return value;
    }

    /**
     * @throws IllegalArgumentException when {@code raw} is null or blank
     */
    static String requireText(String option, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("--" + option + " must not be empty");
        }
        return raw;
    }
}
