package io.github.duplicityunattended.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ses.model.Body;
import software.amazon.awssdk.services.ses.model.Content;
import software.amazon.awssdk.services.ses.model.Message;
import software.amazon.awssdk.services.ses.model.SendEmailRequest;

class Utf8CharsetTest {

    private static Content content(String data, String charset) {
        return Content.builder().data(data).charset(charset).build();
    }

    @Test
    void theSubjectAndTheTextOfAMailAreSentAsUtf8() {
        SendEmailRequest plain = SendEmailRequest.builder().source("backup@example.com")
                .message(Message.builder().subject(content("Backup failed: höst", null))
                        .body(Body.builder().text(content("Fehler in /home/jürgen", null)).build()).build())
                .build();

        assertEquals(SendEmailRequest.builder().source("backup@example.com")
                .message(Message.builder().subject(content("Backup failed: höst", "UTF-8"))
                        .body(Body.builder().text(content("Fehler in /home/jürgen", "UTF-8")).build()).build())
                .build(), Utf8Charset.withUtf8(plain));
    }
}
