package cn.gdhrss.intake.reply;

import java.time.Instant;
import java.util.Optional;

/**
 * Who holds an outbox claim: {@code <pid>@<process start instant>}, so that a claim of a process
 * that died (or whose pid was reused by another program) is recognised as abandoned.
 */
final class ProcessClaims {
    private ProcessClaims() {}

    static String current() {
        ProcessHandle self = ProcessHandle.current();
        return self.pid() + "@" + self.info().startInstant().map(Instant::toString).orElse("?");
    }

    static boolean isAbandoned(String owner) {
        int at = owner.indexOf('@');
        if (at <= 0) {
            return true;
        }
        long pid;
        try {
            pid = Long.parseLong(owner.substring(0, at));
        } catch (NumberFormatException e) {
            return true;
        }
        String started = owner.substring(at + 1);
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isEmpty() || !process.get().isAlive()
                || !process.get().info().startInstant().map(Instant::toString).orElse("?").equals(started);
    }
}
