package io.github.duplicityunattended.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialsFileReaderTest {

    private static final String ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @RegisterExtension
    final ConfigFixture f = new ConfigFixture();

    private CredentialsFileReader.Result read(String text) {
        return CredentialsFileReader.read(f.credentials("aws_credentials", text));
    }

    private AwsCredentialsFile credentials(String text) {
        CredentialsFileReader.Result result = read(text);
        assertEquals(Optional.empty(), result.problem());
        return result.credentials().orElseThrow();
    }

    private String problem(String text) {
        CredentialsFileReader.Result result = read(text);
        assertEquals(Optional.empty(), result.credentials());
        assertFalse(result.problem().orElseThrow().contains(SECRET), result.problem()::get);
        return result.problem().orElseThrow();
    }

    @Test
    void theBotoFormatOfTheOriginalIsRead() {
        AwsCredentialsFile c = credentials("[Credentials]\naws_access_key_id = " + ID
                + "\naws_secret_access_key = " + SECRET + "\n");
        assertEquals(new AwsCredentialsFile(f.dir.resolve("aws_credentials"), AwsCredentialsFile.Format.BOTO, ID,
                SECRET, Optional.empty()), c);
        assertEquals("BOTO_CONFIG", c.format().environmentVariable());
    }

    @Test
    void theAwsSharedCredentialsFormatIsReadWithItsSessionToken() {
        AwsCredentialsFile c = credentials("[other]\naws_access_key_id = X\n\n[default]\naws_access_key_id=" + ID
                + "\naws_secret_access_key=" + SECRET + "\naws_session_token = FwoGZXIvYXdz\n");
        assertEquals(new AwsCredentialsFile(f.dir.resolve("aws_credentials"), AwsCredentialsFile.Format.AWS_SHARED, ID,
                SECRET, Optional.of("FwoGZXIvYXdz")), c);
        assertEquals("AWS_SHARED_CREDENTIALS_FILE", c.format().environmentVariable());
    }

    @Test
    void commentsBlankLinesAndColonSeparatorsAreUnderstood() {
        AwsCredentialsFile c = credentials("""
                # written by hand
                ; old-style comment

                  [ Credentials ]
                AWS_ACCESS_KEY_ID: %s
                aws_secret_access_key :%s
                """.formatted(ID, SECRET));
        assertEquals(ID, c.accessKeyId());
        assertEquals(SECRET, c.secretAccessKey());
    }

    @Test
    void aSecretMayHoldEqualsAndColonSigns() {
        assertEquals("ab=cd:ef", credentials("[default]\naws_access_key_id = " + ID
                + "\naws_secret_access_key = ab=cd:ef\n").secretAccessKey());
    }

    @Test
    void theBotoSectionWinsOverTheDefaultProfile() {
        assertEquals(AwsCredentialsFile.Format.BOTO, credentials("[default]\naws_access_key_id = A\n"
                + "aws_secret_access_key = B\n[Credentials]\naws_access_key_id = C\naws_secret_access_key = D\n")
                .format());
    }

    @Test
    void keysBeforeAnySectionDoNotCount() {
        assertEquals(f.dir.resolve("aws_credentials") + " has neither a [Credentials] section (boto format) nor a"
                + " [default] section (AWS shared-credentials format)",
                problem("aws_access_key_id = " + ID + "\naws_secret_access_key = " + SECRET + "\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[credentials]\n", "[profile default]\n"})
    void aFileWithoutAKnownSectionIsRefused(String text) {
        assertEquals(f.dir.resolve("aws_credentials") + " has neither a [Credentials] section (boto format) nor a"
                + " [default] section (AWS shared-credentials format)", problem(text));
    }

    @Test
    void missingKeysAreNamed() {
        Path file = f.dir.resolve("aws_credentials");
        assertEquals(file + " section [Credentials] sets no aws_secret_access_key",
                problem("[Credentials]\naws_access_key_id = " + ID + "\naws_secret_access_key =\n"));
        assertEquals(file + " section [default] sets no aws_access_key_id",
                problem("[default]\naws_secret_access_key = " + SECRET + "\n"));
        assertEquals(file + " section [default] sets no aws_access_key_id and no aws_secret_access_key",
                problem("[default]\nregion = eu-west-1\n"));
    }

    @Test
    void aFileGroupOrOthersMayReadIsRefusedWithTheChmodThatFixesIt() {
        Path file = f.credentials("aws_credentials", "[default]\n");
        ConfigFixture.chmod(file, "rw-r--r--");
        assertEquals(Optional.of(file + " has mode 644: group or others may read or change it; run: chmod 600 "
                + file), CredentialsFileReader.read(file).problem());
    }

    @Test
    void theChmodQuotesAPathWithSpaces() {
        Path file = f.credentials("it's aws credentials", "[default]\n");
        ConfigFixture.chmod(file, "rw-rw----");
        assertEquals(Optional.of(file + " has mode 660: group or others may read or change it; run: chmod 600 '"
                + f.dir + "/it'\\''s aws credentials'"), CredentialsFileReader.read(file).problem());
    }

    @Test
    void aMissingFileOrADirIsRefused() {
        assertEquals(Optional.of(f.dir.resolve("none") + " does not exist or is not a regular file"),
                CredentialsFileReader.read(f.dir.resolve("none")).problem());
        assertEquals(Optional.of(f.dir + " does not exist or is not a regular file"),
                CredentialsFileReader.read(f.dir).problem());
    }

    @Test
    void theSecretNeverAppearsInToString() {
        AwsCredentialsFile c = credentials("[Credentials]\naws_access_key_id = " + ID
                + "\naws_secret_access_key = " + SECRET + "\naws_session_token = TOKEN123\n");
        assertEquals("AwsCredentialsFile[" + f.dir.resolve("aws_credentials") + ", BOTO, key AKIA…, secret hidden]",
                c.toString());
        assertFalse(read("[Credentials]\naws_access_key_id = " + ID + "\naws_secret_access_key = " + SECRET + "\n")
                .toString().contains(SECRET));
    }

    @Test
    void aShortKeyIdIsNotShownAtAll() {
        assertEquals("AwsCredentialsFile[/c, AWS_SHARED, key …, secret hidden]", new AwsCredentialsFile(Path.of("/c"),
                AwsCredentialsFile.Format.AWS_SHARED, "AKIA", SECRET, Optional.empty()).toString());
    }
}
