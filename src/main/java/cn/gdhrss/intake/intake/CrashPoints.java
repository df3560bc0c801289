package cn.gdhrss.intake.intake;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named places where the reliability tests stop the process dead, as a SIGKILL would: no finally
 * blocks, no shutdown hooks, nothing flushed. Off unless the JVM is started with
 * {@code -Dintake.crash-at=NAME:N} (halt the N-th time NAME is reached); the kill harness uses it
 * to land kills exactly between two commits, which a timer outside the process hits only by luck.
 */
public final class CrashPoints {
    private static final String SETTING = System.getProperty("intake.crash-at", "");
    private static final String NAME = SETTING.contains(":") ? SETTING.substring(0, SETTING.lastIndexOf(':')) : SETTING;
    private static final int AT = SETTING.contains(":") ? Integer.parseInt(SETTING.substring(SETTING.lastIndexOf(':') + 1)) : 1;
    private static final AtomicInteger REACHED = new AtomicInteger();

    private CrashPoints() {}

    /** Halts the JVM with exit code 137 (what a SIGKILL gives) when this is the configured point and hit. */
    public static void reach(String name) {
        if (!NAME.isEmpty() && NAME.equals(name) && REACHED.incrementAndGet() == AT) {
            Runtime.getRuntime().halt(137);
        }
    }
}
