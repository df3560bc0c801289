package cn.gdhrss.intake.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void nssGivesTheJdksHashForEveryLengthAndWayOfFeeding() throws Exception {
        assumeTrue(Sha256.awaitNss(30_000), "NSS is not installed on this machine");
        MessageDigest nss = Sha256.newDigest();
        assertEquals("SunPKCS11-IntakeNSS", nss.getProvider().getName());
        Random random = new Random(7);
        int[] lengths = {0, 1, 3, 55, 56, 63, 64, 65, 127, 128, 4095, 4096, 4097, 65_537, (1 << 20) + 3, 3 << 20};
        for (int length : lengths) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            MessageDigest jdk = Sha256.jdkDigest();
            MessageDigest fed = Sha256.newDigest();
            // Uneven pieces, single bytes among them, as the archive and the store's reads give them.
            for (int at = 0; at < length; ) {
                int piece = Math.min(length - at, random.nextInt(5) == 0 ? 1 : random.nextInt(70_000));
                if (piece == 1) {
                    fed.update(bytes[at]);
                } else {
                    fed.update(bytes, at, piece);
                }
                at += piece;
            }
            jdk.update(bytes);
            assertArrayEquals(jdk.digest(), fed.digest(), "length " + length);
        }
    }

    @Test
    void aDigestIsSha256WhicheverImplementationGivesIt() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                HexFormat.of().formatHex(Sha256.newDigest().digest("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                HexFormat.of().formatHex(Sha256.newDigest().digest()));
    }
}
