package io.github.duplicityunattended.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A credentials file named by {@code aws_config_file}, in either format the program accepts.
 * The secret never leaves this object through {@link #toString()}.
 *
 * @param path            the file
 * @param format          which of the two formats it is written in
 * @param accessKeyId     the access key id (not secret, but still only shown abbreviated)
 * @param secretAccessKey the secret access key
 * @param sessionToken    a session token, for temporary credentials
 */
public record AwsCredentialsFile(
        Path path, Format format, String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {

    /** The two accepted layouts. */
    public enum Format {
        /** boto's {@code [Credentials]} section, as the original tool used; given to duplicity as BOTO_CONFIG. */
        BOTO("BOTO_CONFIG"),
        /** the AWS shared-credentials {@code [default]} profile; given to duplicity as AWS_SHARED_CREDENTIALS_FILE. */
        AWS_SHARED("AWS_SHARED_CREDENTIALS_FILE");

        private final String environmentVariable;

        Format(String environmentVariable) {
            this.environmentVariable = environmentVariable;
        }

        /** The environment variable that points duplicity's boto/botocore at a file of this format. */
        public String environmentVariable() {
            return environmentVariable;
        }
    }

    @Override
    public String toString() {
        String shown = accessKeyId.length() > 4 ? accessKeyId.substring(0, 4) + "…" : "…";
        return "AwsCredentialsFile[" + path + ", " + format + ", key " + shown + ", secret hidden]";
    }
}
