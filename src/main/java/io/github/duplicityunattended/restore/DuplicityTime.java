package io.github.duplicityunattended.restore;

import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether duplicity takes a text as a time ({@code --time}), by the rules of its own parser
 * ({@code dup_time.genstrtotime}, the same in 0.8 and 2.x): {@code now}; seconds since the epoch; an interval back
 * from now such as {@code 3D} or {@code 1h30m} (units s m h D W M Y); a w3 date-time
 * ({@code 2026-11-01T02:00:00Z}, {@code 2026-11-01T02:00:00+01:00}, or without a zone: local time); the
 * compact {@code 20261101T020000Z}; or a date {@code 2026-11-01}, {@code 2026/11/01}, {@code 11/01/2026},
 * {@code 20261101Z}. Checked before a restore starts, so a time duplicity would refuse never gets that far.
 */
public final class DuplicityTime {

    private static final Pattern INTEGER = Pattern.compile("^[0-9]+$");
    private static final Pattern INTERVAL = Pattern.compile("^([0-9]+[smhDWMY])+$");
    private static final List<Pattern> DATES = List.of(
            Pattern.compile("^(?<year>[0-9]{4})[-/](?<month>[0-9]{1,2})[-/](?<day>[0-9]{1,2})$"),
            Pattern.compile("^(?<month>[0-9]{1,2})[-/](?<day>[0-9]{1,2})[-/](?<year>[0-9]{4})$"),
            Pattern.compile("^(?<year>[0-9]{4})(?<month>[0-9]{2})(?<day>[0-9]{2})Z$"));
    private static final Pattern PYTHON_INT = Pattern.compile("^[+-]?[0-9](_?[0-9])*$");

    private DuplicityTime() {
    }

    /** True when duplicity parses the text as a time. */
    public static boolean parses(String text) {
        if (text.equals("now") || INTEGER.matcher(text).find()) {
            return true;
        }
        String zone = localZone();
        if (dateTime(text) || dateTime(text + zone) || INTERVAL.matcher(text).find()) {
            return true;
        }
        for (Pattern date : DATES) {
            Matcher m = date.matcher(text);
            if (m.find()) {
                return dateTime(m.group("year") + "-" + twoDigits(m.group("month")) + "-" + twoDigits(m.group("day"))
                        + "T00:00:00" + zone);
            }
        }
        return false;
    }

    /** duplicity's {@code stringtotime}: a w3 date-time with a zone, or the 16 characters of its file names. */
    private static boolean dateTime(String text) {
        String[] halves = text.substring(0, Math.min(19, text.length())).split("T", -1);
        if (halves.length != 2) {
            return false;
        }
        String date = halves[0];
        String time = halves[1];
        Optional<int[]> fields;
        if (text.length() == 16) {
            fields = ints(slice(date, 0, 4), slice(date, 4, 6), slice(date, 6, 8), slice(time, 0, 2),
                    slice(time, 2, 4), slice(time, 4, 6));
        } else {
            String[] d = date.split("-", -1);
            String[] t = time.split(":", -1);
            fields = d.length == 3 && t.length == 3 ? ints(d[0], d[1], d[2], t[0], t[1], t[2]) : Optional.empty();
        }
        return fields.filter(f -> 1900 < f[0] && f[0] < 2100 && 1 <= f[1] && f[1] <= 12 && 1 <= f[2] && f[2] <= 31
                && 0 <= f[3] && f[3] <= 23 && 0 <= f[4] && f[4] <= 59 && 0 <= f[5] && f[5] <= 61).isPresent()
                && (text.length() == 16 || zone(text.substring(19)));
    }

    /** duplicity's {@code tzdtoseconds}: {@code Z} or {@code +hh:mm} / {@code -hh:mm}. */
    private static boolean zone(String tzd) {
        return tzd.equals("Z") || tzd.length() == 6 && (tzd.charAt(0) == '-' || tzd.charAt(0) == '+')
                && tzd.charAt(3) == ':' && ints(tzd.substring(0, 3), tzd.substring(4)).isPresent();
    }

    /** Python's int() of each text, as far as it matters here: blanks around, a sign, digits with single _. */
    private static Optional<int[]> ints(String... texts) {
        int[] out = new int[texts.length];
        for (int i = 0; i < texts.length; i++) {
            String t = texts[i].strip();
            if (!PYTHON_INT.matcher(t).matches()) {
                return Optional.empty();
            }
            String digits = t.replace("_", "").replaceFirst("^([+-]?)0+(?=[0-9])", "$1");
            // a number too long for an int is out of every range checked here
            out[i] = digits.replaceFirst("^[+-]", "").length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        }
        return Optional.of(out);
    }

    /** Python's {@code s[from:to]}: as much of it as there is. */
    private static String slice(String s, int from, int to) {
        return s.substring(Math.min(from, s.length()), Math.min(to, s.length()));
    }

    private static String twoDigits(String number) {
        return number.length() == 1 ? "0" + number : number;
    }

    /** duplicity's {@code gettzd(0)}: the local zone's standard offset, {@code Z} in UTC. */
    private static String localZone() {
        int minutes = TimeZone.getDefault().getRawOffset() / 60_000;
        if (minutes == 0) {
            return "Z";
        }
        return String.format("%s%02d:%02d", minutes > 0 ? "+" : "-", Math.abs(minutes) / 60, Math.abs(minutes) % 60);
    }
}
