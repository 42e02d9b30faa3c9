package io.weft.runtime.entrypoint;

import io.weft.config.Configuration;
import io.weft.config.GlobalConfiguration;
import io.weft.config.IllegalConfigurationException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The command line of a JobManager or TaskManager process: {@code [--configDir DIR] [-D key=value]...}. The
 * configuration is {@code weft-conf.yaml} from the directory (or the one {@code WEFT_CONF_DIR} names), overridden
 * by the {@code -D} values, every key checked against the declared options.
 *
 * <p>Stateless apart from the parsed fields; used once on the main thread.
 */
@Command(name = "weft-process", mixinStandardHelpOptions = false)
public final class EntrypointArguments {
    @Option(names = "--configDir", paramLabel = "DIR", description = "Directory holding weft-conf.yaml.")
    private Path configDir;

    @Option(names = "-D", paramLabel = "key=value", description = "Overrides one configuration key.")
    private Map<String, String> dynamic = new LinkedHashMap<>();

    private EntrypointArguments() {
    }

    /**
     * Parses {@code args} and loads the configuration.
     *
     * @throws IllegalConfigurationException with a one-line message naming the bad argument, file or key
     */
    public static Configuration load(String[] args, Map<String, String> environment) {
        EntrypointArguments parsed = new EntrypointArguments();
        try {
            new CommandLine(parsed).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalConfigurationException(e.getMessage()
                    + ": the arguments are [--configDir DIR] [-D key=value]...");
        }
        Configuration config = parsed.configDir != null ? GlobalConfiguration.loadConfiguration(parsed.configDir)
                : GlobalConfiguration.loadConfiguration(environment);
        for (Map.Entry<String, String> e : parsed.dynamic.entrySet()) {
            GlobalConfiguration.validate(e.getKey(), e.getValue(), "-D");
            config.setString(e.getKey(), e.getValue());
        }
        return config;
    }
}
