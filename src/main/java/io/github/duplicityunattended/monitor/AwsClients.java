package io.github.duplicityunattended.monitor;

import io.github.duplicityunattended.config.AwsCredentialsFile;
import io.github.duplicityunattended.config.Config;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.SesClientBuilder;

/**
 * The monitor's AWS clients, built from the config: the credentials of {@code aws_config_file} (else the
 * AWS default chain), {@code aws_region} (else the SDK's default, else us-east-1), and the endpoint overrides.
 * Secrets stay inside the credentials provider: never in an endpoint URI, a log line or a message. Both talk HTTP
 * through the JDK's own HttpURLConnection (the SDK's url-connection-client), which a check's few requests need no
 * more than: the Apache client would load some 180 classes more.
 */
public final class AwsClients {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(20);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long the timeouts' thread is kept once no call is timed. */
    static final Duration IDLE_TIMER_END = Duration.ofSeconds(30);

    private AwsClients() {
    }

    /** An S3 client; with {@code s3_endpoint_url} it talks to that endpoint with path-style addressing. */
    public static S3Client s3(Config config) {
        S3ClientBuilder builder = S3Client.builder()
                .credentialsProvider(credentials(config))
                .region(region(config))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT))
                .overrideConfiguration(timeouts());
        config.s3EndpointUrl().ifPresentOrElse(url -> builder.endpointOverride(url).forcePathStyle(true),
                () -> builder.crossRegionAccessEnabled(config.awsRegion().isEmpty()));
        return builder.build();
    }

    /** An SES (v1 API) client that sends text as UTF-8; with {@code ses_endpoint_url} it talks to that endpoint. */
    public static SesClient ses(Config config) {
        SesClientBuilder builder = SesClient.builder()
                .credentialsProvider(credentials(config))
                .region(region(config))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT))
                .overrideConfiguration(timeouts().toBuilder().addExecutionInterceptor(new Utf8Charset()).build());
        config.sesEndpointUrl().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    static AwsCredentialsProvider credentials(Config config) {
        return config.awsCredentials().<AwsCredentialsProvider>map(f -> StaticCredentialsProvider.create(of(f)))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }

    static Region region(Config config) {
        return config.awsRegion().map(Region::of).orElseGet(() -> {
            try {
                return new DefaultAwsRegionProviderChain().getRegion();
            } catch (SdkClientException e) {
                return Region.US_EAST_1;
            }
        });
    }

    private static AwsCredentials of(AwsCredentialsFile file) {
        return file.sessionToken()
                .<AwsCredentials>map(t -> AwsSessionCredentials.create(file.accessKeyId(), file.secretAccessKey(), t))
                .orElseGet(() -> AwsBasicCredentials.create(file.accessKeyId(), file.secretAccessKey()));
    }

    private static ClientOverrideConfiguration timeouts() {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(CALL_TIMEOUT)
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .scheduledExecutorService(timer())
                .build();
    }

    /**
     * The thread that times the client's calls: one, ended when no call is timed (the SDK's own keeps five for
     * good, which a daemon would hold between its daily checks). A call's timeouts are dropped when it ends.
     */
    static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "aws-call-timeouts");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(IDLE_TIMER_END.toSeconds(), TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        return timer;
    }
}
