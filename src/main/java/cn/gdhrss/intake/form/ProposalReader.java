package cn.gdhrss.intake.form;

import static cn.gdhrss.intake.form.ProposalField.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.hwpf.HWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jspecify.annotations.Nullable;

/**
 * Reads a 新职业建议书 (附件1) from Word by its labels (see {@link ProposalLayoutParser}). The
 * caller owns the document. Findings are those of reading only (two categories ticked, an
 * unreadable date); the checks of the notice are applied afterwards with
 * {@link Proposal#withFindings}.
 */
public final class ProposalReader {

    public Proposal read(XWPFDocument document) {
        return read(new DocxLayoutReader().read(document));
    }

    public Proposal read(HWPFDocument document) {
        return read(new DocLayoutReader().read(document));
    }

    Proposal read(Layout layout) {
        ProposalLayoutParser parsed = new ProposalLayoutParser().parse(layout);
        List<Finding> findings = new ArrayList<>();
        String dateText = dateText(parsed);
        LocalDate date = FormValues.date(dateText).orElse(null);
        if (date == null && !dateText.isEmpty()) {
            findings.add(ReadFindings.filledDateUnreadable(dateText));
        }
        Category category = category(parsed, findings);
        return new Proposal(FormText.withoutBlanks(text(parsed, APPLICANT)), date, dateText, category,
                occupation(parsed), tasks(parsed, findings), requirements(parsed), workforce(parsed), analysis(parsed),
                training(parsed), text(parsed, LAWS), abroad(parsed), contact(parsed), text(parsed, OTHER), findings);
    }

    private static List<Proposal.Task> tasks(ProposalLayoutParser parsed, List<Finding> findings) {
        List<Proposal.Task> tasks = new ArrayList<>();
        int row = 0;
        for (Proposal.Task written : tasks(parsed)) {
            row++;
            List<Proposal.Task> split = TaskSplitter.split(written, tasks.size());
            if (split.size() > 1) {
                findings.add(ReadFindings.tasksSplit(row, split.size()));
            }
            tasks.addAll(split);
        }
        return tasks;
    }

    private static String text(ProposalLayoutParser parsed, ProposalField field) {
        return String.join("\n", parsed.chunks(field));
    }

    private static List<String> items(ProposalLayoutParser parsed, ProposalField field) {
        return FormValues.items(parsed.chunks(field));
    }

    private static String dateText(ProposalLayoutParser parsed) {
        String text = text(parsed, FILLED_DATE);
        return FormValues.isBlankDate(text) ? "" : text;
    }

    private static @Nullable Category category(ProposalLayoutParser parsed, List<Finding> findings) {
        Set<Category> ticked = CategoryMarks.ticked(String.join(" ", parsed.chunks(CATEGORY)));
        if (ticked.size() > 1) {
            findings.add(ReadFindings.categoryMultiple(ticked));
            return null;
        }
        return ticked.isEmpty() ? null : ticked.iterator().next();
    }

    private static Proposal.Occupation occupation(ProposalLayoutParser parsed) {
        String related = text(parsed, RELATED);
        return new Proposal.Occupation(text(parsed, NAME), items(parsed, ALTERNATIVE_NAMES), text(parsed, DEFINITION),
                related, FormValues.codes(related), text(parsed, INDUSTRY));
    }

    private static List<Proposal.Task> tasks(ProposalLayoutParser parsed) {
        List<Proposal.Task> tasks = new ArrayList<>();
        for (String[] row : parsed.rows(GridKind.TASKS)) {
            if (!(row[1].isEmpty() && row[2].isEmpty() && row[3].isEmpty())) {
                tasks.add(new Proposal.Task(row[0], row[1], row[2], row[3]));
            }
        }
        return tasks;
    }

    private static Proposal.Requirements requirements(ProposalLayoutParser parsed) {
        return new Proposal.Requirements(text(parsed, ETHICS), text(parsed, EDUCATION), text(parsed, SPECIAL_ABILITIES),
                text(parsed, PHYSICAL), text(parsed, TEAMWORK), text(parsed, SAFETY));
    }

    private static Proposal.Workforce workforce(ProposalLayoutParser parsed) {
        String count = text(parsed, NATIONAL_COUNT);
        List<Proposal.Employer> employers = new ArrayList<>();
        for (String[] row : parsed.rows(GridKind.EMPLOYERS)) {
            if (!isBlank(row)) {
                employers.add(new Proposal.Employer(row[0], row[1], ContactFormat.normalisePhone(row[2])));
            }
        }
        return new Proposal.Workforce(count, FormValues.count(count), text(parsed, REGIONAL_DISTRIBUTION),
                text(parsed, MARKET), text(parsed, PAY), text(parsed, DATA_SOURCES), employers);
    }

    private static Proposal.Analysis analysis(ProposalLayoutParser parsed) {
        return new Proposal.Analysis(text(parsed, BACKGROUND), text(parsed, ROLE), text(parsed, TECHNOLOGY),
                text(parsed, PROSPECTS));
    }

    private static Proposal.Training training(ProposalLayoutParser parsed) {
        List<String> institutions = parsed.chunks(SCHOOL_INSTITUTION);
        List<String> majors = parsed.chunks(SCHOOL_MAJOR);
        List<String> courses = parsed.chunks(SCHOOL_COURSES);
        int count = Math.max(institutions.size(), Math.max(majors.size(), courses.size()));
        List<Proposal.School> schools = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            schools.add(new Proposal.School(at(institutions, i), at(majors, i), at(courses, i)));
        }
        for (String[] row : parsed.rows(GridKind.SCHOOLS)) {
            if (!isBlank(row)) {
                schools.add(new Proposal.School(row[0], row[1], row[2]));
            }
        }
        List<Proposal.TrainingInstitution> trainingInstitutions = new ArrayList<>();
        for (String[] row : parsed.rows(GridKind.INSTITUTIONS)) {
            if (!isBlank(row)) {
                trainingInstitutions.add(new Proposal.TrainingInstitution(row[0], row[1], ContactFormat.normalisePhone(row[2])));
            }
        }
        return new Proposal.Training(schools, trainingInstitutions);
    }

    private static Proposal.Abroad abroad(ProposalLayoutParser parsed) {
        return new Proposal.Abroad(items(parsed, COUNTRIES), items(parsed, SIMILAR_NAMES), items(parsed, MAIN_TASKS),
                text(parsed, ABROAD_REQUIREMENTS), text(parsed, ABROAD_STANDARDS), text(parsed, ABROAD_TRAINING));
    }

    private static Proposal.Contact contact(ProposalLayoutParser parsed) {
        return new Proposal.Contact(text(parsed, ADDRESS), text(parsed, PERSON),
                ContactFormat.normalisePhone(text(parsed, PHONE)), ContactFormat.normaliseEmail(text(parsed, EMAIL)));
    }

    private static String at(List<String> values, int index) {
        return index < values.size() ? values.get(index) : "";
    }

    private static boolean isBlank(String[] row) {
        for (String value : row) {
            if (!value.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
