package cn.gdhrss.intake.report;

import java.nio.file.Path;
import java.util.List;

/**
 * The files of a period's summaries, and the notes staff should read about them (in Chinese: a
 * .docx left out because the period is too large for it).
 */
public record SummaryFiles(List<Path> files, List<String> notes) {
    public SummaryFiles {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }
}
