package cn.gdhrss.intake.reply;

import cn.gdhrss.intake.attachment.MailAddresses;
import cn.gdhrss.intake.config.HealthSettings;
import cn.gdhrss.intake.intake.Fault;
import cn.gdhrss.intake.intake.FaultWatch;
import cn.gdhrss.intake.register.CaseRepository;
import cn.gdhrss.intake.register.CaseTransaction;
import cn.gdhrss.intake.register.NewOutgoingMail;
import cn.gdhrss.intake.register.PassRepository;
import cn.gdhrss.intake.register.PassRepository.PassRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Mails staff once when the mailbox stops working (no successful pass for the configured time, or
 * the last few passes all failed) and once more when it works again. Whether the alert is open is
 * kept in the register, so a restart neither repeats nor forgets it.
 */
public final class HealthDetector {
    static final String STATE = "health.alert";
    /** A disk full or a register locked this long is worth a mail; a staff command holding the lock for seconds is not. */
    static final Duration FAULT_GRACE = Duration.ofMinutes(5);

    private final PassRepository passes;
    private final CaseRepository cases;
    private final ReplyComposer composer;
    private final HealthSettings settings;
    private final String mailbox;
    private final String messageIdDomain;
    private final Clock clock;
    private final Supplier<Map<Fault, FaultWatch.Active>> faults;

    public HealthDetector(PassRepository passes, CaseRepository cases, ReplyComposer composer, HealthSettings settings,
            String mailbox, String messageIdDomain, Clock clock) {
        this(passes, cases, composer, settings, mailbox, messageIdDomain, clock, Map::of);
    }

    /** @param faults the machine faults being waited out: one lasting {@link #FAULT_GRACE} counts as down too */
    public HealthDetector(PassRepository passes, CaseRepository cases, ReplyComposer composer, HealthSettings settings,
            String mailbox, String messageIdDomain, Clock clock, Supplier<Map<Fault, FaultWatch.Active>> faults) {
        this.faults = faults;
        this.passes = passes;
        this.cases = cases;
        this.composer = composer;
        this.settings = settings;
        this.mailbox = mailbox;
        this.messageIdDomain = messageIdDomain;
        this.clock = clock;
    }

    /** Looks at the passes and queues the alert or the all-clear when the state changed; returns the kind queued. */
    public Optional<String> check() {
        Optional<String> staff = MailAddresses.validated(settings.staffAddress());
        if (staff.isEmpty()) {
            return Optional.empty();
        }
        List<PassRecord> recent = passes.listRecent(500).stream().filter(pass -> pass.mailbox().equals(mailbox)).toList();
        Optional<Instant> lastSuccess = passes.lastSuccess(mailbox);
        List<Fault> lasting = faults.get().entrySet().stream()
                .filter(entry -> !entry.getValue().since().plus(FAULT_GRACE).isAfter(clock.instant()))
                .map(Map.Entry::getKey).sorted().toList();
        boolean down = isDown(recent, lastSuccess) || !lasting.isEmpty();
        return cases.inTransaction(transaction -> {
            boolean open = transaction.findState(STATE).map("open"::equals).orElse(false);
            if (down == open || !down && lastSuccess.isEmpty()) {
                return Optional.<String>empty();
            }
            String kind = down ? ReplyComposer.HEALTH_ALERT : ReplyComposer.HEALTH_RECOVERED;
            Map<String, Object> facts = facts(recent, lastSuccess);
            facts.put("faults", String.join("；", lasting.stream().map(Fault::sentence).toList()));
            queue(transaction, staff.get(), kind, facts);
            transaction.putState(STATE, down ? "open" : "closed");
            return Optional.of(kind);
        });
    }

    private boolean isDown(List<PassRecord> recent, Optional<Instant> lastSuccess) {
        if (recent.isEmpty()) {
            return false;
        }
        boolean failing = recent.size() >= settings.failedPasses()
                && recent.subList(0, settings.failedPasses()).stream().noneMatch(PassRecord::isOk);
        Instant since = lastSuccess.orElse(recent.get(recent.size() - 1).startedAt());
        boolean silent = since.isBefore(clock.instant().minus(settings.maxSilence())) && !recent.get(0).isOk();
        return failing || silent;
    }

    private Map<String, Object> facts(List<PassRecord> recent, Optional<Instant> lastSuccess) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("mailbox", mailbox);
        facts.put("lastSuccess", lastSuccess.map(ReplyComposer::time).orElse("（尚无成功记录）"));
        facts.put("failures", recent.stream().takeWhile(pass -> !pass.isOk()).count());
        facts.put("lastError", recent.isEmpty() ? "" : HeaderSafe.text(recent.get(0).error(), 500));
        return facts;
    }

    private void queue(CaseTransaction transaction, String staff, String kind, Map<String, Object> facts) {
        ComposedMail mail = composer.composeStaffMail(kind, facts);
        String messageId = "health." + UUID.randomUUID().toString().toLowerCase(Locale.ROOT) + "@" + messageIdDomain;
        transaction.queueMail(new NewOutgoingMail(null, "", kind, staff, mail.subject(), messageId, "", List.of(),
                mail.bodyText(), mail.bodyHtml(), List.of()));
    }
}
