package io.github.duplicityunattended.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test that runs programs Java and Maven do not bring (duplicity, gpg, the SES emulator, cfn-lint,
 * shellcheck, systemd-analyze). It runs with the end-to-end tests in {@code mvn verify}, after
 * {@code scripts/install-test-deps}, so that {@code mvn package} builds the jar with Java and Maven alone.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(UsesInstalledTools.TAG)
public @interface UsesInstalledTools {

    String TAG = "installed-tools";
}
