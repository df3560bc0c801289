package cn.gdhrss.intake.form;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A 新职业建议书 (附件1) as read from one document. Every text is trimmed, keeps inner line breaks
 * as {@code \n}, and is {@code ""} when the box is empty; lists hold only non-empty rows.
 */
public record Proposal(
        String applicant,
        @Nullable LocalDate filledDate,
        String filledDateText,
        @Nullable Category category,
        Occupation occupation,
        List<Task> tasks,
        Requirements requirements,
        Workforce workforce,
        Analysis analysis,
        Training training,
        String laws,
        Abroad abroad,
        Contact contact,
        String other,
        List<Finding> findings) {

    public Proposal {
        tasks = List.copyOf(tasks);
        findings = List.copyOf(findings);
    }

    /** The same proposal with more findings appended (the checks run after reading). */
    public Proposal withFindings(List<Finding> more) {
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.addAll(more);
        return new Proposal(applicant, filledDate, filledDateText, category, occupation, tasks,
                requirements, workforce, analysis, training, laws, abroad, contact, other, all);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(Finding::isError);
    }

    public record Occupation(
            String name, List<String> alternativeNames, String definition, String related,
            List<String> relatedCodes, String industry) {
        public Occupation {
            alternativeNames = List.copyOf(alternativeNames);
            relatedCodes = List.copyOf(relatedCodes);
        }
    }

    /** One row of 主要工作任务. */
    public record Task(String no, String content, String tools, String techniques) {}

    public record Requirements(
            String ethics, String education, String specialAbilities, String physical,
            String teamwork, String safety) {}

    public record Workforce(
            String nationalCount, @Nullable Long nationalCountValue, String regionalDistribution,
            String market, String pay, String dataSources, List<Employer> employers) {
        public Workforce {
            employers = List.copyOf(employers);
        }
    }

    /** A row of 吸纳从业人员较多的用人单位. */
    public record Employer(String name, String address, String phone) {}

    public record Analysis(String background, String role, String technology, String prospects) {}

    public record Training(List<School> schools, List<TrainingInstitution> institutions) {
        public Training {
            schools = List.copyOf(schools);
            institutions = List.copyOf(institutions);
        }
    }

    /** 学校教育情况: 院校名称, 专业名称, 主干课程. */
    public record School(String institution, String major, String courses) {}

    /** 培训机构情况: 名称, 地址, 联系电话. */
    public record TrainingInstitution(String name, String address, String phone) {}

    public record Abroad(
            List<String> countries, List<String> similarNames, List<String> mainTasks,
            String requirements, String standards, String training) {
        public Abroad {
            countries = List.copyOf(countries);
            similarNames = List.copyOf(similarNames);
            mainTasks = List.copyOf(mainTasks);
        }
    }

    public record Contact(String address, String person, String phone, String email) {}
}
