package io.weft.api;

/**
 * A program's {@code main()} was given arguments it cannot work with: a missing or unknown argument, a value out of
 * range. The CLI prints the message as one line, then the program's usage, and exits with code 2 (a usage error)
 * on every target, so that {@code weft-batch} does not retry it. Programs throw it from {@code main()} before
 * {@code execute()}.
 */
public class ProgramArgumentsException extends InvalidProgramException {
    private final String usage;

    /**
     * @param message what is wrong with the arguments, one line
     * @param usage the program's usage, starting with {@code "Usage: "}, or null
     */
    public ProgramArgumentsException(String message, String usage) {
        super(message);
        this.usage = usage;
    }

    /** The program's usage ({@code "Usage: …"}), or null when the program gave none. */
    public String usage() {
        return usage;
    }
}
