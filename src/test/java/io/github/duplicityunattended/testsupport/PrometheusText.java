package io.github.duplicityunattended.testsupport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus's text exposition format (0.0.4), enough to tell whether output parses: every
 * sample line is {@code name{labels} value}, its family has a TYPE line before it (and a HELP line), label
 * values are quoted and escaped, values are numbers. Throws on anything else.
 */
public final class PrometheusText {

    /** One sample. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern SAMPLE = Pattern.compile("^(" + NAME + ")(\\{(.*)\\})? (\\S+)( -?\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\[\\\\\"n])*)\"\\s*,?");
    private static final Pattern META = Pattern.compile("^# (HELP|TYPE) (" + NAME + ") ?(.*)$");

    private final List<Sample> samples;
    private final Map<String, String> types;

    private PrometheusText(List<Sample> samples, Map<String, String> types) {
        this.samples = samples;
        this.types = types;
    }

    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> types = new HashMap<>();
        Map<String, String> helps = new HashMap<>();
        int n = 0;
        for (String line : text.split("\n", -1)) {
            n++;
            if (line.isEmpty()) {
                continue;
            }
            Matcher meta = META.matcher(line);
            if (meta.matches()) {
                (meta.group(1).equals("TYPE") ? types : helps).put(meta.group(2), meta.group(3));
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException("line " + n + " is no sample: " + line);
            }
            String family = family(m.group(1), types);
            if (family == null || !helps.containsKey(family)) {
                throw new IllegalArgumentException("line " + n + ": no TYPE and HELP before " + m.group(1));
            }
            samples.add(new Sample(m.group(1), labels(m.group(3) == null ? "" : m.group(3), n), value(m.group(4), n)));
        }
        return new PrometheusText(samples, types);
    }

    private static String family(String name, Map<String, String> types) {
        for (String suffix : List.of("", "_total", "_count", "_sum", "_bucket", "_created", "_info")) {
            if (name.endsWith(suffix) && types.containsKey(name.substring(0, name.length() - suffix.length()))) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return types.containsKey(name) ? name : null;
    }

    private static Map<String, String> labels(String text, int n) {
        Map<String, String> labels = new LinkedHashMap<>();
        Matcher m = LABEL.matcher(text);
        int end = 0;
        while (m.find() && m.start() == end) {
            labels.put(m.group(1), m.group(2).replace("\\\"", "\"").replace("\\n", "\n").replace("\\\\", "\\"));
            end = m.end();
        }
        if (end != text.length()) {
            throw new IllegalArgumentException("line " + n + ": bad labels {" + text + "}");
        }
        return labels;
    }

    private static double value(String text, int n) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + n + ": bad value " + text);
                }
            }
        };
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The TYPE of a family: gauge, counter... */
    public String type(String family) {
        return types.get(family);
    }

    /** The value of the sample with this name and these labels; fails when there is none. */
    public double value(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels)).findFirst()
                .orElseThrow(() -> new AssertionError("no sample " + name + labels + " in " + samples)).value();
    }

    /** The label {@code label} of every sample named {@code name}. */
    public List<String> labelValues(String name, String label) {
        return samples.stream().filter(s -> s.name().equals(name)).map(s -> s.labels().get(label)).toList();
    }
}
