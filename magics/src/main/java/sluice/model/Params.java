package sluice.model;

import java.util.Map;

/**
 * An algorithm's {@code --set} values, each read and checked by its parameter, the default where none is given.
 *
 * @param parameters the parameters the algorithm takes, by name
 * @param settings   the values given, by name
 */
record Params(Map<String, Parameter> parameters, Map<String, String> settings) {
    double real(String key) {
        Parameter parameter = parameters.get(key);
        return parameter.read(settings.getOrDefault(key, parameter.fallback()));
    }

    int integer(String key) {
        return (int) real(key);
    }
}
