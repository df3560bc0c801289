package cn.gdhrss.intake.intake;

import cn.gdhrss.intake.pipeline.MessageProcessor;
import cn.gdhrss.intake.pipeline.ProcessingStep;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.register.Database;
import cn.gdhrss.intake.register.IntakeRepository;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.MessageRepository;
import cn.gdhrss.intake.register.MessageStatus;
import cn.gdhrss.intake.register.NewMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageProcessorIT {
    @TempDir
    Path dir;

    /** A step that fails on one chosen message and moves the others on. */
    private static final class FailingOn implements ProcessingStep {
        private final long badId;
        private final MessageRepository messages;
        final AtomicInteger calls = new AtomicInteger();

        FailingOn(long badId, MessageRepository messages) {
            this.badId = badId;
            this.messages = messages;
        }

        @Override
        public String name() {
            return "extract";
        }

        @Override
        public MessageStatus fromStatus() {
            return MessageStatus.RECEIVED;
        }

        @Override
        public void apply(MessageRecord message) {
            calls.incrementAndGet();
            if (message.id() == badId) {
                throw new IllegalStateException("corrupt part");
            }
            messages.advance(message.id(), "received", "extracted", "extracted", "ok");
        }
    }

    private static long register(IntakeRepository repository, String sha) {
        return repository.register(new NewMessage("test", sha, 0, null, sha, "", "", "", null, "", 1,
                Instant.now(), "archive/" + sha)).messageRef();
    }

    @Test
    void badMessageIsSetAsideAfterMaxAttemptsWhileOthersGoOn() {
        try (Database database = Database.open(dir.resolve("register.db"))) {
            IntakeRepository intake = new IntakeRepository(database, Clock.systemUTC());
            MessageRepository messages = new MessageRepository(database, Clock.systemUTC());
            long bad = register(intake, "a".repeat(64));
            long good = register(intake, "b".repeat(64));
            FailingOn step = new FailingOn(bad, messages);
            MessageProcessor processor = new MessageProcessor(messages, List.of(step), 3);

            for (int pass = 0; pass < 5; pass++) {
                processor.processPending();
            }

            assertThat(messages.find(good).orElseThrow().status()).isEqualTo("extracted");
            MessageRecord failed = messages.find(bad).orElseThrow();
            assertThat(failed.status()).isEqualTo("failed");
            assertThat(failed.attempts()).isEqualTo(3);
            assertThat(failed.statusReason()).contains("corrupt part").contains("3次");
            assertThat(step.calls.get()).as("no attempts after it was set aside").isEqualTo(3 + 1);
        }
    }

    @Test
    void reprocessGivesASetAsideMessageAFreshStart() {
        try (Database database = Database.open(dir.resolve("register.db"))) {
            IntakeRepository intake = new IntakeRepository(database, Clock.systemUTC());
            MessageRepository messages = new MessageRepository(database, Clock.systemUTC());
            long bad = register(intake, "c".repeat(64));
            messages.markStatus(bad, "failed", "test", "set_aside");

            assertThat(messages.reprocess(bad, "received")).isTrue();

            MessageRecord message = messages.find(bad).orElseThrow();
            assertThat(message.status()).isEqualTo("received");
            assertThat(message.attempts()).isZero();
            assertThat(messages.listEvents(bad)).extracting(event -> event.kind()).contains("reprocess");
        }
    }
}
