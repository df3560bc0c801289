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

    /**
     * A step in halves: the work of every message runs on the worker threads, the outcomes are
     * written in message order, a failing outcome's own writes are undone while the rest of its
     * group is kept, and the after-commit action sees only what was committed.
     */
    private static final class InHalves implements ProcessingStep {
        private final MessageRepository messages;
        private final long badId;
        final List<Long> written = new java.util.concurrent.CopyOnWriteArrayList<>();
        final java.util.Set<String> workThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final List<Integer> extractedAtCommit = new java.util.concurrent.CopyOnWriteArrayList<>();

        InHalves(MessageRepository messages, long badId) {
            this.messages = messages;
            this.badId = badId;
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
        public void apply(MessageRecord message) throws Exception {
            prepare(message).run().write();
        }

        @Override
        public Work prepare(MessageRecord message) {
            return () -> {
                workThreads.add(Thread.currentThread().getName());
                Thread.sleep(message.id() % 3 == 0 ? 30 : 1);
                return () -> {
                    written.add(message.id());
                    messages.advance(message.id(), "received", "extracted", "extracted", "ok");
                    if (message.id() == badId) {
                        throw new IllegalStateException("half written");
                    }
                };
            };
        }

        @Override
        public void afterCommit() {
            extractedAtCommit.add(messages.listIdsWithStatus("extracted").size());
        }
    }

    @Test
    void outcomesAreWrittenInOrderAndAFailedOneIsUndoneAloneWithinItsCommit() {
        try (Database database = Database.open(dir.resolve("register.db"))) {
            IntakeRepository intake = new IntakeRepository(database, Clock.systemUTC());
            MessageRepository messages = new MessageRepository(database, Clock.systemUTC());
            List<Long> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ids.add(register(intake, String.format("%064x", i)));
            }
            long bad = ids.get(17);
            InHalves step = new InHalves(messages, bad);

            int failures = new MessageProcessor(messages, List.of(step), 3, 2).processPending();

            assertThat(failures).isEqualTo(1);
            assertThat(step.written).containsExactlyElementsOf(ids);
            assertThat(step.workThreads).hasSize(2).allMatch(name -> name.startsWith("pipeline-"));
            MessageRecord failed = messages.find(bad).orElseThrow();
            assertThat(failed.status()).as("its own advance undone").isEqualTo("received");
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.lastError()).contains("half written");
            assertThat(messages.listIdsWithStatus("extracted")).hasSize(39);
            assertThat(step.extractedAtCommit).isSorted().last().isEqualTo(39);
        }
    }
}
