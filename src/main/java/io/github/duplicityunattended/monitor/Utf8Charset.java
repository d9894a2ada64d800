package io.github.duplicityunattended.monitor;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ses.model.Body;
import software.amazon.awssdk.services.ses.model.Content;
import software.amazon.awssdk.services.ses.model.Message;
import software.amazon.awssdk.services.ses.model.SendEmailRequest;

/**
 * Marks the subject and text of every SES SendEmail request as UTF-8. Without a charset SES assumes 7-bit
 * ASCII, and camel-aws2-ses sets none; duplicity's output may name files in any language.
 */
final class Utf8Charset implements ExecutionInterceptor {

    static final String UTF_8 = "UTF-8";

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (context.request() instanceof SendEmailRequest send && send.message() != null) {
            return withUtf8(send);
        }
        return context.request();
    }

    static SendEmailRequest withUtf8(SendEmailRequest send) {
        Message m = send.message();
        Body body = m.body() == null ? null : m.body().toBuilder()
                .text(utf8(m.body().text()))
                .html(utf8(m.body().html()))
                .build();
        return send.toBuilder().message(m.toBuilder().subject(utf8(m.subject())).body(body).build()).build();
    }

    private static Content utf8(Content content) {
        return content == null ? null : content.toBuilder().charset(UTF_8).build();
    }
}
