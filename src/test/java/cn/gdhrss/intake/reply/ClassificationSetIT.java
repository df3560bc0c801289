package cn.gdhrss.intake.reply;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gdhrss.intake.App;
import cn.gdhrss.intake.config.Settings;
import cn.gdhrss.intake.intake.FileImportSource;
import cn.gdhrss.intake.register.MailClassRecord;
import cn.gdhrss.intake.register.MessageRecord;
import cn.gdhrss.intake.register.OutboxRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classification test set (issue 10): the Apache-2.0/MIT mails of the shared corpus and the
 * generated mails of {@code mail/classify/}, each labelled by hand in {@code mail/classes.tsv} with
 * the class a person would give it and the letter it must get. Imported through the whole real
 * pipeline (extraction, Word parsing, checks, answer step) with the office's server
 * {@code mx.gd.gov.cn} as trusted authserv-id. Prints the confusion figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassificationSetIT {
    private static final Path MAIL = Path.of("src/test/resources/mail");
    private static final Set<String> SUBMISSION_LETTERS = Set.of("receipt", "correction", "batch_receipt", "batch_correction");
    private static final List<String> CLASSES = List.of("submission", "enquiry", "unrelated", "automatic");

    private final Map<String, Expected> expected = new LinkedHashMap<>();
    private final Map<String, Outcome> outcomes = new LinkedHashMap<>();

    record Expected(String file, String folder, String mailClass, String letter) {}

    record Outcome(String mailClass, String reasons, List<String> letters) {}

    @BeforeAll
    void importTheSet(@TempDir Path data) throws IOException {
        for (String line : Files.readAllLines(MAIL.resolve("classes.tsv"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] cells = line.split("\t", -1);
                expected.put(cells[0], new Expected(cells[0], cells[1], cells[2], cells[3]));
            }
        }
        List<Path> files = expected.values().stream().map(one -> MAIL.resolve(one.folder()).resolve(one.file())).toList();
        try (App app = new App(data, Settings.of(Map.of("mail.trusted-authserv-ids", "mx.gd.gov.cn")), Clock.systemUTC())) {
            app.intake().runOnce(new FileImportSource(files), done -> { }).orElseThrow();
            Map<Long, List<String>> letters = app.outbox().list(100_000).stream().filter(row -> row.messageRef() != null)
                    .collect(Collectors.groupingBy(OutboxRecord::messageRef, Collectors.mapping(OutboxRecord::kind, Collectors.toList())));
            for (MessageRecord message : app.messages().list(100_000)) {
                MailClassRecord found = app.messages().findMailClass(message.id()).orElse(new MailClassRecord("", message.statusReason(), ""));
                outcomes.put(Path.of(message.uid()).getFileName().toString(), new Outcome(found.mailClass(), found.reasons().replace("\n", "；"),
                        letters.getOrDefault(message.id(), List.of())));
            }
        }
        System.out.println(report());
    }

    @Test
    void everyMessageOfTheSetIsClassifiedAsLabelled() {
        List<String> wrong = new ArrayList<>();
        expected.values().forEach(one -> {
            Outcome outcome = outcome(one);
            if (!outcome.mailClass().equals(one.mailClass())) {
                wrong.add(one.file() + ": expected " + one.mailClass() + ", got " + outcome.mailClass() + " (" + outcome.reasons() + ")");
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void noAutomaticMailGoesToBulkListNotificationSpamOrForgedMail() {
        List<String> answered = expected.values().stream().filter(one -> one.letter().equals("none"))
                .filter(one -> !outcome(one).letters().isEmpty())
                .map(one -> one.file() + " got " + outcome(one).letters()).toList();
        assertThat(answered).isEmpty();
    }

    @Test
    void everyGenuineSubmissionGetsExactlyItsReceiptOrCorrection() {
        List<String> wrong = expected.values().stream().filter(one -> one.letter().equals("reply"))
                .filter(one -> outcome(one).letters().size() != 1 || !SUBMISSION_LETTERS.contains(outcome(one).letters().get(0)))
                .map(one -> one.file() + " got " + outcome(one).letters()).toList();
        assertThat(wrong).isEmpty();
        assertThat(expected.values().stream().filter(one -> one.letter().equals("reply"))).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void everyEnquiryGetsOneAcknowledgement() {
        List<String> wrong = expected.values().stream().filter(one -> one.letter().equals("ack"))
                .filter(one -> !outcome(one).letters().equals(List.of("enquiry_ack")))
                .map(one -> one.file() + " got " + outcome(one).letters()).toList();
        assertThat(wrong).isEmpty();
    }

    private Outcome outcome(Expected one) {
        Outcome outcome = outcomes.get(one.file());
        assertThat(outcome).as("registered: %s", one.file()).isNotNull();
        return outcome;
    }

    /** The confusion matrix (labelled class × decided class) and the letters that went out. */
    private String report() {
        Map<String, Map<String, Integer>> matrix = new TreeMap<>();
        int lettersToNone = 0;
        int genuine = 0;
        int genuineAnswered = 0;
        for (Expected one : expected.values()) {
            Outcome outcome = outcomes.getOrDefault(one.file(), new Outcome("(missing)", "", List.of()));
            matrix.computeIfAbsent(one.mailClass(), key -> new TreeMap<>()).merge(outcome.mailClass(), 1, Integer::sum);
            lettersToNone += one.letter().equals("none") ? outcome.letters().size() : 0;
            if (one.letter().equals("reply")) {
                genuine++;
                genuineAnswered += outcome.letters().size() == 1 && SUBMISSION_LETTERS.contains(outcome.letters().get(0)) ? 1 : 0;
            }
        }
        StringBuilder text = new StringBuilder("\n== Classification set: " + expected.size() + " messages (rows: labelled, columns: decided)\n");
        text.append(String.format(Locale.ROOT, "%-12s", "")).append(CLASSES.stream().map(name -> String.format(Locale.ROOT, "%11s", name))
                .collect(Collectors.joining())).append('\n');
        for (String labelled : CLASSES) {
            Map<String, Integer> row = matrix.getOrDefault(labelled, Map.of());
            text.append(String.format(Locale.ROOT, "%-12s", labelled)).append(CLASSES.stream()
                    .map(decided -> String.format(Locale.ROOT, "%11d", row.getOrDefault(decided, 0))).collect(Collectors.joining())).append('\n');
        }
        long none = expected.values().stream().filter(one -> one.letter().equals("none")).count();
        text.append("automatic mails to the ").append(none).append(" messages that must get none: ").append(lettersToNone).append('\n');
        text.append("genuine submissions with exactly their receipt or correction: ").append(genuineAnswered).append(" of ").append(genuine).append('\n');
        expected.values().forEach(one -> {
            Outcome outcome = outcomes.getOrDefault(one.file(), new Outcome("(missing)", "", List.of()));
            text.append(String.format(Locale.ROOT, "  %-55s %-10s %-10s %-18s %s%n", one.file(), one.mailClass(), outcome.mailClass(),
                    outcome.letters(), outcome.reasons()));
        });
        return text.toString();
    }
}
