package io.github.duplicityunattended.app;

import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.mdc.MDCService;

/**
 * Makes every log line written while a route works on a dir carry that dir: the routes keep it as the exchange
 * property {@code dir}, and Camel's MDC service puts it into the logging's diagnostic context, which the log
 * layout prints as a {@code [dir]} prefix (duplicity's own output too: the executor passes the context on).
 */
public final class DirLogContext extends MainListenerSupport {

    /** The exchange property, and the diagnostic context key, that names the dir. */
    public static final String KEY = "dir";

    /** Installs the MDC service on a context. */
    public static void install(CamelContext context) {
        MDCService mdc = new MDCService();
        mdc.setCustomProperties(KEY);
        mdc.init(context);
    }

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        install(main.getCamelContext());
    }
}
