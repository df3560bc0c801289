package cn.gdhrss.intake.intake;

import java.nio.charset.StandardCharsets;

/** Small raw messages for tests, built as bytes so every header is exactly as written. */
public final class TestMail {
    private TestMail() {}

    public static byte[] simple(String messageId, String subject, String body) {
        return ("""
                Received: from mx.example.cn by mail.gd.gov.cn; Mon, 3 Aug 2026 09:15:00 +0800
                Message-ID: <%s>
                From: applicant@example.cn
                To: jnzx_zzyfk@gd.gov.cn
                Date: Sun, 2 Aug 2026 20:00:00 +0800
                Subject: %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8

                %s
                """.formatted(messageId, subject, body)).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] withoutMessageId(String body) {
        return ("From: a@example.cn\r\nSubject: no id\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
