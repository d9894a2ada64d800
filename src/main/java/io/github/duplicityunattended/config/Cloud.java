package io.github.duplicityunattended.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where {@code bucket_url} points, as the original's {@code cloud} key says: {@code aws} (S3, an S3-compatible
 * store, or a {@code file://} dir) or {@code gcp} (Google Cloud Storage, a {@code gs://} URL). Configs of the
 * original's 2019–2021 versions have no {@code cloud} key; they are always {@code aws}.
 */
public enum Cloud {
    AWS, GCP;

    /** The name as written in the config: {@code aws}, {@code gcp}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Cloud> of(String key) {
        return Arrays.stream(values()).filter(c -> c.key().equals(key)).findFirst();
    }
}
