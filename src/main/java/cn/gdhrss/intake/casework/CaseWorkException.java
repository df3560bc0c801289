package cn.gdhrss.intake.casework;

import java.util.Optional;

/**
 * Staff asked for something the register cannot do: an unknown case, a wrong value, a review the
 * rules forbid. The message is one Chinese sentence saying what was expected, for the user as is;
 * where it tells how to go on, the {@link Remedy} words that for the command line and for the console.
 */
public final class CaseWorkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final transient Remedy remedy;

    public CaseWorkException(String message) {
        super(message);
        this.problem = message;
        this.remedy = null;
    }

    /** {@code problem} without its closing full stop, e.g. "不能把案件并入它自己"; the remedy follows after "；". */
    public CaseWorkException(String problem, Remedy remedy) {
        super(joined(problem, remedy.commandLine()));
        this.problem = problem;
        this.remedy = remedy;
    }

    public Optional<Remedy> remedy() {
        return Optional.ofNullable(remedy);
    }

    /** The sentence as the console shows it: the same refusal, with the way out in the page's words. */
    public String inConsoleWords() {
        return remedy == null ? problem : joined(problem, remedy.console());
    }

    private static String joined(String problem, String remedy) {
        return (problem.isEmpty() ? "" : problem + "；") + remedy + "。";
    }
}
