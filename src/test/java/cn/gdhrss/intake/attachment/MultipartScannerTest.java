package cn.gdhrss.intake.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The top-level multipart split by {@link MultipartScanner} must be Angus's split: the same parts,
 * with the same headers and the same raw content bytes, on every mail fixture and on generated
 * messages full of near-boundaries; where the scanner declines, Angus reads the message as before.
 */
class MultipartScannerTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    @BeforeAll
    static void angusReadsLeniently() throws IllegalAccessException {
        // The extractor sets Angus's leniency switches once; the comparison must run under them.
        MethodHandles.lookup().ensureInitialized(MessageExtractor.class);
    }

    @Test
    void splitsEveryMailFixtureAsAngusDoes() throws Exception {
        List<Path> fixtures = mailFixtures();
        int scanned = 0;
        for (Path fixture : fixtures) {
            scanned += compare(fixture) ? 1 : 0;
        }
        // 63 of the fixtures are plain multiparts: the scanner must really have split them, not declined them.
        assertThat(fixtures).hasSizeGreaterThan(100);
        assertThat(scanned).isGreaterThanOrEqualTo(60);
    }

    @Test
    void splitsGeneratedNearBoundariesAsAngusDoes(@TempDir Path temp) throws Exception {
        Random random = new Random(12);
        int scanned = 0;
        for (int round = 0; round < 3000; round++) {
            String boundary = List.of("b", "=_x-1", "-", "ab--", "x y").get(random.nextInt(5));
            Path file = temp.resolve("m" + round + ".eml");
            Files.write(file, generated(random, boundary).getBytes(StandardCharsets.ISO_8859_1));
            scanned += compare(file) ? 1 : 0;
        }
        assertThat(scanned).isGreaterThan(1000);
    }

    @Test
    void findsABoundaryAcrossTheScannersBlockEdge(@TempDir Path temp) throws Exception {
        for (int shift = -4; shift <= 4; shift++) {
            String head = "Content-Type: multipart/mixed; boundary=\"edge\"\r\n\r\n--edge\r\n\r\n";
            String filler = "A".repeat((1 << 20) - head.length() + shift);
            Path file = temp.resolve("edge" + shift + ".eml");
            Files.write(file, (head + filler + "\r\n--edge\r\n\r\nsecond\r\n--edge--\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(compare(file)).as("shift %d", shift).isTrue();
        }
    }

    /** True when the scanner split the message (and then exactly as Angus); false when it left it to Angus. */
    private static boolean compare(Path file) throws IOException, MessagingException {
        try (SharedFileInputStream in = new SharedFileInputStream(file.toFile());
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MimeMessage message = new MimeMessage(SESSION, in);
            MessageFile messageFile = new MessageFile(channel, in, message);
            Optional<List<MimeBodyPart>> scanned;
            try {
                scanned = messageFile.topLevelParts(Integer.MAX_VALUE);
            } catch (MessagingException | RuntimeException e) {
                return false;
            }
            if (scanned.isEmpty()) {
                return false;
            }
            MimeMultipart angus = new MimeMultipart(new MimePartDataSource(message));
            assertThat(angus.isComplete()).as(file.toString()).isTrue();
            assertThat(scanned.get()).as(file.toString()).hasSize(angus.getCount());
            for (int index = 0; index < angus.getCount(); index++) {
                assertSamePart(file + " part " + (index + 1), scanned.get().get(index), angus.getBodyPart(index));
            }
            return true;
        }
    }

    private static void assertSamePart(String what, MimeBodyPart scanned, BodyPart angus) throws IOException, MessagingException {
        MimeBodyPart expected = (MimeBodyPart) angus;
        assertThat(Collections.list(scanned.getAllHeaderLines())).as(what).isEqualTo(Collections.list(expected.getAllHeaderLines()));
        byte[] raw = bytes(expected.getRawInputStream());
        assertThat(bytes(scanned.getRawInputStream())).as(what).isEqualTo(raw);
        assertThat(bytes(((MessageFile.ScannedBodyPart) scanned).rawContent())).as(what).isEqualTo(raw);
    }

    private static byte[] bytes(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    /** A multipart built of pieces that look like boundaries, line ends of every kind, blanks and dashes. */
    private static String generated(Random random, String boundary) {
        String marker = "--" + boundary;
        List<String> pieces = List.of(marker, marker + "--", marker + " ", marker + "\t", marker + "x", marker.substring(1),
                "\r\n", "\n", "\r", "\r\r\n", " ", "-", "--", "text", "Content-Type: text/plain", "", "=?", "\r\n\r\n");
        StringBuilder message = new StringBuilder("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"")
                .append(boundary).append("\"\r\n\r\n");
        if (random.nextBoolean()) {
            message.append("preamble\r\n");
        }
        message.append(marker).append(random.nextBoolean() ? "\r\n" : "\n");
        int length = 5 + random.nextInt(40);
        for (int i = 0; i < length; i++) {
            message.append(pieces.get(random.nextInt(pieces.size())));
        }
        if (random.nextInt(4) > 0) {
            message.append("\r\n").append(marker).append("--\r\n");
        }
        return message.toString();
    }

    private static List<Path> mailFixtures() throws IOException, URISyntaxException {
        Path root = Fixtures.resource("mail").getParent();
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(path -> path.toString().endsWith(".eml")).sorted().forEach(found::add);
        }
        return found;
    }
}
