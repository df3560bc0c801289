package cn.gdhrss.intake.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Videos are typed from their bytes and carry the duration and resolution their container states. */
class MediaTest {

    @TempDir
    Path temp;

    @Test
    void readsDurationAndResolutionOfMp4() throws IOException {
        RawMessage message = new RawMessage().attachment("介绍视频.bin", "application/octet-stream", TinyMp4.of(5000, 320, 240));

        ExtractedFile video = Fixtures.named(Fixtures.extract(temp, message), "介绍视频.bin");

        assertThat(video.kind()).isEqualTo(AttachmentKind.VIDEO);
        assertThat(video.detectedType()).isEqualTo("video/mp4");
        assertThat(video.media()).isNotNull();
        assertThat(video.media().durationSeconds()).isEqualTo(5.0);
        assertThat(video.media().width()).isEqualTo(320);
        assertThat(video.media().height()).isEqualTo(240);
        assertThat(video.media().container()).isEqualTo("mp4");
    }
}
