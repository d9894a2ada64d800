package io.github.duplicityunattended.monitor;

import java.io.IOException;
import java.util.function.Consumer;

/** Lists every object key of the monitored target, one at a time, without reading any object. */
public interface BucketLister {

    void list(Consumer<String> keys) throws IOException;
}
