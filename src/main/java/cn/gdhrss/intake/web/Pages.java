package cn.gdhrss.intake.web;

import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/**
 * The console's pages: FreeMarker templates {@code web/templates/*.ftlh} from the jar, HTML
 * auto-escaping on (the {@code .ftlh} extension), so text an applicant sent is always shown as
 * text; only SVG the console draws itself is inserted with {@code ?no_esc}.
 */
final class Pages {
    private final Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);

    Pages() {
        configuration.setTemplateLoader(new ClassTemplateLoader(Pages.class, "/web/templates"));
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setLocale(Locale.SIMPLIFIED_CHINESE);
        configuration.setNumberFormat("computer");
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
    }

    String render(String name, Map<String, Object> model) {
        try (StringWriter out = new StringWriter()) {
            configuration.getTemplate(name + ".ftlh").process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Console template '" + name + "' not readable", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("Console template '" + name + "' failed: " + e.getMessage(), e);
        }
    }
}
