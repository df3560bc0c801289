package cn.gdhrss.intake.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Base64Content must give exactly the bytes Angus's decoder gives, on good and bad input alike. */
class Base64ContentTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 57, 100, 256 * 1024, 256 * 1024 + 1, 600_001})
    void decodesMimeBase64OfEverySizeAsAngusDoes(int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        byte[] encoded = Base64.getMimeEncoder().encode(data);

        assertThat(fast(encoded)).isEqualTo(data).isEqualTo(angus(encoded));
    }

    @Test
    void skipsCharactersOutsideTheAlphabetAsAngusDoes() throws Exception {
        byte[] encoded = "SGVs\r\n bG8g*d2\t9y!bGQ=\r\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(fast(encoded)).isEqualTo(angus(encoded)).isEqualTo("Hello world".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void decodesWhatFollowsPaddingAsAngusDoes() throws Exception {
        // Two encodings glued together, and padding in the middle of a group: hostile or careless senders.
        for (String text : new String[] {"SGk=SGk=", "SGk=\r\nSGVsbG8=", "SG=k", "S===QUJD", "QUJD=", "QUJD==QUJD"}) {
            byte[] encoded = text.getBytes(StandardCharsets.US_ASCII);
            assertThat(outcome(() -> fast(encoded))).as(text).isEqualTo(outcome(() -> angus(encoded)));
        }
    }

    @Test
    void endsTruncatedInputAsAngusDoes() {
        for (String text : new String[] {"SGVsbG8gd29ybGQ", "SGVsbG8gd29ybG", "SGVsbG8gd29yb"}) {
            byte[] encoded = text.getBytes(StandardCharsets.US_ASCII);
            assertThat(outcome(() -> fast(encoded))).as(text).isEqualTo(outcome(() -> angus(encoded)));
        }
    }

    @Test
    void readsOneByteAtATimeToo() throws Exception {
        byte[] data = new byte[1000];
        new Random(7).nextBytes(data);
        try (InputStream in = new Base64Content(new ByteArrayInputStream(Base64.getMimeEncoder().encode(data)))) {
            for (byte expected : data) {
                assertThat(in.read()).isEqualTo(expected & 0xff);
            }
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void decodesJunkAtEveryAlignmentAsAngusDoes() throws Exception {
        // The fast path decodes aligned groups of four in place: junk must fall out of it at any offset.
        Random random = new Random(3);
        byte[] junk = " \t\r\n*!-.\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        for (int round = 0; round < 200; round++) {
            byte[] data = new byte[random.nextInt(2000)];
            random.nextBytes(data);
            StringBuilder encoded = new StringBuilder(Base64.getEncoder().withoutPadding().encodeToString(data));
            for (int k = random.nextInt(30); k > 0; k--) {
                encoded.insert(random.nextInt(encoded.length() + 1), (char) (junk[random.nextInt(junk.length)] & 0xff));
            }
            byte[] bytes = encoded.toString().getBytes(StandardCharsets.ISO_8859_1);
            assertThat(outcome(() -> fast(bytes))).as(encoded.toString()).isEqualTo(outcome(() -> angus(bytes)));
        }
    }

    private interface Decode {
        byte[] run() throws Exception;
    }

    private static String outcome(Decode decode) {
        try {
            return new String(decode.run(), StandardCharsets.ISO_8859_1);
        } catch (Exception e) {
            return "failed: " + e.getClass().getSimpleName();
        }
    }

    private static byte[] fast(byte[] encoded) throws IOException {
        try (InputStream in = new Base64Content(new ByteArrayInputStream(encoded))) {
            return in.readAllBytes();
        }
    }

    private static byte[] angus(byte[] encoded) throws IOException, MessagingException {
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(encoded), "base64")) {
            return in.readAllBytes();
        }
    }
}
