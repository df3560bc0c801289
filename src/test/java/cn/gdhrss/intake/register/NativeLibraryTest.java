package cn.gdhrss.intake.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.util.LibraryLoaderUtil;

class NativeLibraryTest {

    @Test
    void copiesThisPlatformsLibraryUnderTheDriversNameReplacingWhatWasThere(@TempDir Path dir) throws IOException {
        Path libraryDir = dir.resolve("native");
        Files.createDirectories(libraryDir);
        Files.writeString(libraryDir.resolve("stale.so"), "old");
        NativeLibrary.copyTo(libraryDir);
        byte[] expected;
        try (InputStream in = NativeLibrary.class.getResourceAsStream(
                LibraryLoaderUtil.getNativeLibResourcePath() + "/" + LibraryLoaderUtil.getNativeLibName())) {
            assertThat(in).isNotNull();
            expected = in.readAllBytes();
        }
        try (var files = Files.list(libraryDir)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly(LibraryLoaderUtil.getNativeLibName());
        }
        assertThat(Files.readAllBytes(libraryDir.resolve(LibraryLoaderUtil.getNativeLibName()))).isEqualTo(expected);
    }
}
