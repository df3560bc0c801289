package cn.gdhrss.intake.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.OnConsoleStatusListener;
import ch.qos.logback.core.util.StatusListenerConfigHelper;
import ch.qos.logback.core.util.FileSize;
import java.nio.charset.StandardCharsets;

/**
 * The service's logging, set up in code: logback finds it through its service loader before it
 * looks for a {@code logback.xml}, whose reading (SAX, a model, setters found by reflection) made
 * logback's start a quarter of a query command's start-up (issue 12: 95 of the 390 ms of {@code
 * status}; the same set-up in code takes a third of the time).
 *
 * <p>The console (stderr, so that JSON output stays clean) shows {@code intake.console.level} and
 * above, WARN unless {@link Main} says otherwise; the file {@code intake.log} in {@code
 * intake.logdir} (Main sets it to the data directory's {@code logs}) keeps INFO and above, rolled
 * daily and at 20 MB, gzipped, 90 days and 2 GB at most. A failed command's stack trace goes to
 * the file only. A configuration file of one's own ({@code -Dlogback.configurationFile}) or the
 * tests' {@code logback-test.xml} is left to logback to read.
 */
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || LogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        if (Boolean.parseBoolean(System.getProperty("logback.debug"))) {
            // What <configuration debug="true"> or -Dlogback.debug did for the XML: logback's own messages on the console.
            StatusListenerConfigHelper.addOnConsoleListenerInstance(context, new OnConsoleStatusListener());
        }
        String directory = System.getProperty("intake.logdir", "var/logs");
        ConsoleAppender<ILoggingEvent> console = console(context, System.getProperty("intake.console.level", "WARN"));
        RollingFileAppender<ILoggingEvent> file = file(context, directory);
        Logger failure = context.getLogger("cn.gdhrss.intake.cli.CommandFailure");
        failure.setLevel(Level.INFO);
        failure.setAdditive(false);
        failure.addAppender(file);
        context.getLogger("org.quartz").setLevel(Level.WARN);
        context.getLogger("org.apache.poi").setLevel(Level.ERROR);
        context.getLogger("org.apache.pdfbox").setLevel(Level.ERROR);
        context.getLogger("org.apache.fontbox").setLevel(Level.ERROR);
        context.getLogger("org.apache.tika").setLevel(Level.WARN);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        root.addAppender(file);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context, String level) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setTarget("System.err");
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setContext(context);
        threshold.setLevel(level);
        threshold.start();
        console.addFilter(threshold);
        console.setEncoder(encoder(context, "%d{HH:mm:ss} %-5level %logger{0} - %msg%n"));
        console.start();
        return console;
    }

    private static RollingFileAppender<ILoggingEvent> file(LoggerContext context, String directory) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(directory + "/intake.log");
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(directory + "/intake.%d{yyyy-MM-dd}.%i.log.gz");
        rolling.setMaxFileSize(FileSize.valueOf("20MB"));
        rolling.setMaxHistory(90);
        rolling.setTotalSizeCap(FileSize.valueOf("2GB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        file.setEncoder(encoder(context, "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger - %msg%n"));
        file.start();
        return file;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }
}
