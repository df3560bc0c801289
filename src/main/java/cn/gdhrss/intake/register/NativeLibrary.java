package cn.gdhrss.intake.register;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * The SQLite driver's native library copied out of the jar once per build, for {@code run.sh} to
 * hand to the driver ({@code -Dorg.sqlite.lib.path}). Without it every command wrote the 1 MiB
 * library to the temporary directory, compared it back byte by byte and listed that directory
 * for stale copies before its first statement (issue 12).
 */
public final class NativeLibrary {
    private NativeLibrary() {}

    /**
     * Empties {@code dir} and copies this platform's library into it under the name the driver
     * looks for; does nothing but empty it when the jar has no library for this platform (the
     * driver then extracts one as usual).
     */
    public static void copyTo(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.delete(file);
                }
            }
        }
        Files.createDirectories(dir);
        String name = LibraryLoaderUtil.getNativeLibName();
        try (InputStream in = NativeLibrary.class.getResourceAsStream(LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name)) {
            if (in == null) {
                return;
            }
            // Another run.sh may load the library meanwhile: it sees a whole file or none.
            Path part = Files.createTempFile(dir, ".copy", ".part");
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
