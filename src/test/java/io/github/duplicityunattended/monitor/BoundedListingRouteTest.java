package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.duplicityunattended.support.Failures;
import io.github.duplicityunattended.testsupport.Conditions;
import io.github.duplicityunattended.testsupport.FaultProxy;
import io.github.duplicityunattended.testsupport.RequestHead;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Five buckets listed two at a time: a proxy in front of S3Proxy holds every list request, so the two listings
 * that started stay started, and the pool has no thread left for the other three, for as long as the test looks.
 */
class BoundedListingRouteTest extends MonitorRouteTestSupport {

    private FaultProxy proxy;

    @Override
    String monitorSection() {
        return """
                list_threads: 2
                bucket: [bucket-1, bucket-2, bucket-3, bucket-4, bucket-5]
                """;
    }

    @Override
    URI s3Endpoint() throws Exception {
        proxy = FaultProxy.start(s3.endpoint());
        proxy.hold(r -> r.method().equals("GET") && r.target().contains("list-type=2"), 1);
        return proxy.endpoint();
    }

    @AfterEach
    void release() throws Exception {
        proxy.close();
    }

    @Test
    void atMostListThreadsBucketsAreListedAtOnceAndTheOthersWaitTheirTurn() throws Exception {
        ThreadPoolExecutor threads = context.getRegistry().lookupByNameAndType("listingThreads",
                ThreadPoolExecutor.class);

        CompletableFuture<Object> check = template.asyncRequestBody("direct:monitor-check", null);

        Conditions.await(() -> proxy.requests().size() == 2 && threads.getActiveCount() == 2,
                "two buckets being listed, their list requests held");
        assertEquals(List.of(2, 2), List.of(threads.getPoolSize(), threads.getMaximumPoolSize()),
                "every thread of the pool is busy, and the pool has no more");
        assertEquals(2, proxy.requests().stream().map(RequestHead::path).filter(p -> p.matches("/bucket-[1-5]/?"))
                .distinct().count(), proxy.requests().toString());
        assertFalse(check.isDone(), "the other three wait their turn");

        proxy.close();
        ExecutionException failed = assertThrows(ExecutionException.class, () -> check.get(2, TimeUnit.MINUTES));
        String reason = Failures.reason(failed.getCause());
        assertTrue(reason.startsWith("none of the 5 buckets could be listed; bucket-1: "), reason);
    }
}
