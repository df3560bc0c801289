package cn.gdhrss.intake.reply;

import cn.gdhrss.intake.intake.CrashPoints;
import cn.gdhrss.intake.intake.Fault;
import cn.gdhrss.intake.register.OutboxRecord;
import cn.gdhrss.intake.register.OutboxRepository;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends what the outbox holds, each row at most once even across crashes.
 *
 * <p>Per row: claim it (a commit), connect, mark it transmitting (a commit), hand it over, record
 * the server's answer (a commit). When a sender process dies, the first sender of the next process
 * settles its rows: one still claimed never reached the server and goes back to the queue; one
 * transmitting may have been accepted, so it becomes {@code uncertain}, shows on its case and in
 * {@code status}, and is only sent again when staff say so ({@code resend}). With the .eml writer,
 * writing again is harmless, so such a row is simply redone. A claim belongs to a process
 * ({@code pid@start}); it is abandoned when that process is gone.
 */
public final class OutboxSender {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 200;

    private final OutboxRepository outbox;
    private final MailTransport transport;
    private final OutgoingMessageWriter writer;
    private final Clock clock;
    private final Duration retryInitial;
    private final Duration retryMax;
    private final int maxAttempts;
    private final int warnAfter;
    private final String owner;
    private boolean recovered;

    public OutboxSender(OutboxRepository outbox, MailTransport transport, OutgoingMessageWriter writer, Clock clock,
            Duration retryInitial, Duration retryMax, int maxAttempts, int warnAfter) {
        this.outbox = outbox;
        this.transport = transport;
        this.writer = writer;
        this.clock = clock;
        this.retryInitial = retryInitial;
        this.retryMax = retryMax;
        this.maxAttempts = maxAttempts;
        this.warnAfter = warnAfter;
        this.owner = ProcessClaims.current();
    }

    /** Sends every due row; returns how many were delivered. Never throws for a failed delivery. */
    public synchronized int sendDue() {
        recoverOnce();
        int delivered = 0;
        for (long id : outbox.listDue(BATCH)) {
            Optional<OutboxRecord> claimed = outbox.claim(id, owner);
            CrashPoints.reach("outbox.claimed");
            if (claimed.isEmpty()) {
                continue;
            }
            Outcome outcome = send(claimed.get());
            if (outcome == Outcome.DELIVERED) {
                delivered++;
            } else if (outcome == Outcome.FAULT) {
                break;
            }
        }
        return delivered;
    }

    public String describe() {
        return transport.describe();
    }

    private void recoverOnce() {
        if (recovered) {
            return;
        }
        int settled = outbox.recoverAbandoned(ProcessClaims::isAbandoned, transport.isIdempotent());
        if (settled > 0) {
            LOG.warn("Settled {} outbox rows left by a sender that stopped mid-way (see ./run.sh outbox)", settled);
        }
        recovered = true;
    }

    private enum Outcome { DELIVERED, NOT_DELIVERED, FAULT }

    private Outcome send(OutboxRecord row) {
        try {
            MimeMessage message = writer.write(row, outbox.listAttachments(row.id()), Date.from(clock.instant()));
            String answer = transport.deliver(row, message, () -> {
                if (!outbox.markTransmitting(row.id(), owner)) {
                    throw new ClaimLostException(row.id());
                }
                CrashPoints.reach("outbox.transmitting");
            });
            CrashPoints.reach("outbox.accepted");
            outbox.markDelivered(row.id(), answer, transport.leavesMachine() ? OutboxRepository.SENT : OutboxRepository.WRITTEN);
            LOG.info("Outbox {} ({} to {}) delivered: {}", row.id(), row.kind(), row.to(), answer);
            return Outcome.DELIVERED;
        } catch (ClaimLostException e) {
            LOG.warn("Outbox {}: claim taken over by another sender, not sending", row.id());
        } catch (DeliveryException | RuntimeException e) {
            if (Fault.of(e).filter(fault -> fault == Fault.DISK_FULL).isPresent()) {
                // The disk, not the mail: wait it out without using up the row's attempts (issue 11).
                outbox.releaseUncounted(row.id(), "数据目录所在的磁盘已满，等待腾出空间后发送", clock.instant().plus(retryInitial));
                LOG.info("Outbox {}: disk full, waiting ({})", row.id(), e.getMessage());
                return Outcome.FAULT;
            }
            if (e instanceof DeliveryException delivery) {
                recordFailure(row, delivery.getMessage(), delivery.isPermanent());
            } else {
                recordFailure(row, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
                LOG.error("Outbox {}: unexpected error while sending", row.id(), e);
            }
        }
        return Outcome.NOT_DELIVERED;
    }

    /** Another sender settled the row meanwhile: this one must not hand it over. */
    private static final class ClaimLostException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ClaimLostException(long id) {
            super("Outbox row " + id + " lost its claim");
        }
    }

    private void recordFailure(OutboxRecord row, String answer, boolean permanent) {
        if (permanent || row.attempts() >= maxAttempts) {
            outbox.markFailed(row.id(), answer);
            LOG.warn("Outbox {} to {} failed for good after {} attempts: {}", row.id(), row.to(), row.attempts(), answer);
            return;
        }
        long factor = 1L << Math.min(row.attempts() - 1, 20);
        Duration wait = retryInitial.multipliedBy(factor);
        Instant next = clock.instant().plus(wait.compareTo(retryMax) > 0 ? retryMax : wait);
        outbox.markRetry(row.id(), answer, next, warnAfter);
        LOG.warn("Outbox {} to {} not delivered (attempt {}), retrying at {}: {}", row.id(), row.to(), row.attempts(), next, answer);
    }
}
