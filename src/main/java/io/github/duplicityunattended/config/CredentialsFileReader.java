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

/**
 * Reads {@code aws_config_file}: checks it is private, finds which format it is in and takes the keys.
 * Problems are reported as plain sentences that never quote the file's content.
 */
public final class CredentialsFileReader {

    private static final Set<PosixFilePermission> NOT_PRIVATE = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

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
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.stream().anyMatch(NOT_PRIVATE::contains)) {
                return Optional.of(file + " is readable by group or others; run: chmod 600 " + file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
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
        String id = keys.getOrDefault("aws_access_key_id", "");
        String secret = keys.getOrDefault("aws_secret_access_key", "");
        if (id.isEmpty() || secret.isEmpty()) {
            return Result.problem(file + " section " + section
                    + " must set both aws_access_key_id and aws_secret_access_key");
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
