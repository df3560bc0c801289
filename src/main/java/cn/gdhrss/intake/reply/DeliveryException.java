package cn.gdhrss.intake.reply;

/** A delivery that did not happen; {@code permanent} when the server refused for good (5xx). */
public final class DeliveryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean isPermanent() {
        return permanent;
    }
}
