package io.github.duplicityunattended.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads {@code aws_config_file}: checks it is private, finds which format it is in and takes the keys.
 * Problems are reported as plain sentences that never quote the file's content.
 */
public final class CredentialsFileReader {

    private static final Set<PosixFilePermission> NOT_PRIVATE = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private static final String ACCESS_KEY_ID = "aws_access_key_id";
    private static final String SECRET_ACCESS_KEY = "aws_secret_access_key";

    private CredentialsFileReader() {
    }

    /** Reads the file, or returns the problems found with it (never both). */
    public static Result read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Result.problem(file + " does not exist or is not a regular file");
        }
        if (!Files.isReadable(file)) {
            return Result.problem(file + " is not readable by this user");
        }
        Optional<String> perms = permissionProblem(file);
        if (perms.isPresent()) {
            return Result.problem(perms.get());
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return Result.problem(file + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return parse(file, lines);
    }

    static Optional<String> permissionProblem(Path file) {
        Set<PosixFilePermission> perms;
        try {
            perms = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty();
        }
        if (perms.stream().noneMatch(NOT_PRIVATE::contains)) {
            return Optional.empty();
        }
        return Optional.of(file + " has mode " + octal(perms) + ": group or others may read or change it;"
                + " run: chmod 600 " + shellQuoted(file.toString()));
    }

    private static String octal(Set<PosixFilePermission> perms) {
        int mode = 0;
        for (PosixFilePermission p : perms) {
            mode |= 0400 >> p.ordinal();
        }
        return String.format("%03o", mode);
    }

    private static String shellQuoted(String text) {
        return text.matches("[A-Za-z0-9/._+-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    static Result parse(Path file, List<String> lines) {
        Map<String, Map<String, String>> sections = new HashMap<>();
        Map<String, String> current = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1).strip(), k -> new HashMap<>());
                continue;
            }
            int sep = separator(line);
            if (current != null && sep > 0) {
                current.put(line.substring(0, sep).strip().toLowerCase(Locale.ROOT), line.substring(sep + 1).strip());
            }
        }
        if (sections.containsKey("Credentials")) {
            return keys(file, AwsCredentialsFile.Format.BOTO, "[Credentials]", sections.get("Credentials"));
        }
        if (sections.containsKey("default")) {
            return keys(file, AwsCredentialsFile.Format.AWS_SHARED, "[default]", sections.get("default"));
        }
        return Result.problem(file + " has neither a [Credentials] section (boto format) nor a [default] section"
                + " (AWS shared-credentials format)");
    }

    private static int separator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }

    private static Result keys(Path file, AwsCredentialsFile.Format format, String section, Map<String, String> keys) {
        String id = keys.getOrDefault(ACCESS_KEY_ID, "");
        String secret = keys.getOrDefault(SECRET_ACCESS_KEY, "");
        List<String> missing = Stream.of(ACCESS_KEY_ID, SECRET_ACCESS_KEY)
                .filter(k -> keys.getOrDefault(k, "").isEmpty()).toList();
        if (!missing.isEmpty()) {
            return Result.problem(file + " section " + section + " sets no " + String.join(" and no ", missing));
        }
        Optional<String> token = Optional.ofNullable(keys.get("aws_session_token")).filter(t -> !t.isEmpty());
        return new Result(Optional.of(new AwsCredentialsFile(file, format, id, secret, token)), Optional.empty());
    }

    /** Either credentials or a problem. */
    public record Result(Optional<AwsCredentialsFile> credentials, Optional<String> problem) {
        static Result problem(String text) {
            return new Result(Optional.empty(), Optional.of(text));
        }
    }
}
