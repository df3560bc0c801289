package cn.gdhrss.intake.attachment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.Security;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SHA-256 digests for the raw archive and the file store, taken from the system's NSS library
 * (through the JDK's PKCS#11 provider) once it has been loaded, and from the JDK's own code until
 * then or when NSS is missing. Batches run with the quick compiler only, which has no SHA intrinsic:
 * the JDK's Java code hashes about 28 MB/s there against some 350 MB/s for NSS, which was 14–18 % of
 * an import's CPU (issue 12). Loading NSS takes a few hundred milliseconds, so it happens on a
 * background thread at the first request and nothing waits for it; both give the same hash.
 */
public final class Sha256 {

    private static final Logger LOG = LoggerFactory.getLogger(Sha256.class);
    /** Set to {@code false} to keep to the JDK's code (tests compare the two). */
    static final String NATIVE_PROPERTY = "intake.sha256.native";
    private static final List<String> LIBRARY_DIRECTORIES = List.of(
            "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib");
    private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile Provider nss;

    private Sha256() {}

    /** A new digest; the hash is the same whichever implementation gives it. */
    public static MessageDigest newDigest() {
        if (STARTED.compareAndSet(false, true) && !"false".equals(System.getProperty(NATIVE_PROPERTY))) {
            Thread loader = new Thread(Sha256::loadNss, "sha256-nss");
            loader.setDaemon(true);
            loader.start();
        }
        Provider provider = nss;
        if (provider != null) {
            try {
                return MessageDigest.getInstance("SHA-256", provider);
            } catch (NoSuchAlgorithmException | RuntimeException e) {
                LOG.debug("NSS SHA-256 unavailable", e);
            }
        }
        return jdkDigest();
    }

    static MessageDigest jdkDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Waits for the background load (tests); whether NSS gives the digests now. */
    static boolean awaitNss(long millis) throws InterruptedException {
        newDigest();
        long end = System.nanoTime() + millis * 1_000_000;
        while (nss == null && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        return nss != null;
    }

    private static void loadNss() {
        String directory = LIBRARY_DIRECTORIES.stream()
                .filter(d -> Files.isRegularFile(Path.of(d, "libsoftokn3.so")))
                .findFirst().orElse(null);
        Provider pkcs11 = Security.getProvider("SunPKCS11");
        if (directory == null || pkcs11 == null) {
            return;
        }
        try {
            Provider configured = pkcs11.configure(String.format(Locale.ROOT,
                    "--name=IntakeNSS%nnssLibraryDirectory=%s%nnssDbMode=noDb%n", directory));
            MessageDigest check = MessageDigest.getInstance("SHA-256", configured);
            // A library that loads but answers wrongly must never name a stored file.
            if (ABC_SHA256.equals(HexFormat.of().formatHex(check.digest("abc".getBytes(StandardCharsets.US_ASCII))))) {
                nss = configured;
            }
        } catch (NoSuchAlgorithmException | RuntimeException | LinkageError e) {
            LOG.debug("NSS not loaded from {}; SHA-256 stays with the JDK", directory, e);
        }
    }
}
