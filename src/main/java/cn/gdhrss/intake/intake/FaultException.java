package cn.gdhrss.intake.intake;

/** A pass stopped by a machine fault, to be waited out; the message says where, in English, for the log. */
public final class FaultException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Fault fault;

    public FaultException(Fault fault, String where, Throwable cause) {
        super(where, cause);
        this.fault = fault;
    }

    public Fault fault() {
        return fault;
    }
}
