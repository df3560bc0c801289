package cn.gdhrss.intake.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON of {@code proposal-fields.md}: snake_case keys in the order of the schema. A file that is
 * neither form gives {@code {"form": "<document class>", "findings": [...]}}.
 */
public final class FormJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FormJson() {}

    public static String toJson(ReadResult result) {
        ObjectNode root;
        if (result.proposal() != null) {
            root = proposal(result.proposal());
        } else if (result.summaryTable() != null) {
            root = summaryTable(result.summaryTable());
        } else {
            root = MAPPER.createObjectNode().put("form", result.documentClass().code());
        }
        root.set("findings", findings(result.allFindings()));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON of an in-memory tree cannot fail to serialise", e);
        }
    }

    private static ObjectNode proposal(Proposal proposal) {
        ObjectNode root = MAPPER.createObjectNode().put("form", "proposal").put("applicant", proposal.applicant());
        root.put("filled_date", iso(proposal.filledDate()));
        root.put("category", proposal.category() == null ? null : proposal.category().code());
        root.set("occupation", occupation(proposal.occupation()));
        ArrayNode tasks = root.putArray("tasks");
        int position = 0;
        for (Proposal.Task task : proposal.tasks()) {
            tasks.addObject().put("no", FormValues.serialNumber(task.no(), ++position)).put("content", task.content())
                    .put("tools", task.tools()).put("techniques", task.techniques());
        }
        Proposal.Requirements requirements = proposal.requirements();
        root.putObject("requirements").put("ethics", requirements.ethics()).put("education", requirements.education())
                .put("special_abilities", requirements.specialAbilities()).put("physical", requirements.physical())
                .put("teamwork", requirements.teamwork()).put("safety", requirements.safety());
        root.set("workforce", workforce(proposal.workforce()));
        Proposal.Analysis analysis = proposal.analysis();
        root.putObject("analysis").put("background", analysis.background()).put("role", analysis.role())
                .put("technology", analysis.technology()).put("prospects", analysis.prospects());
        root.set("training", training(proposal.training()));
        root.put("laws", proposal.laws());
        root.set("abroad", abroad(proposal.abroad()));
        Proposal.Contact contact = proposal.contact();
        root.putObject("contact").put("address", contact.address()).put("person", contact.person())
                .put("phone", contact.phone()).put("email", contact.email());
        root.put("other", proposal.other());
        return root;
    }

    private static ObjectNode occupation(Proposal.Occupation occupation) {
        ObjectNode node = MAPPER.createObjectNode().put("name", occupation.name());
        node.set("alternative_names", strings(occupation.alternativeNames()));
        node.put("definition", occupation.definition()).put("related", occupation.related());
        node.set("related_codes", strings(occupation.relatedCodes()));
        return node.put("industry", occupation.industry());
    }

    private static ObjectNode workforce(Proposal.Workforce workforce) {
        ObjectNode node = MAPPER.createObjectNode().put("national_count", workforce.nationalCount())
                .put("national_count_value", workforce.nationalCountValue())
                .put("regional_distribution", workforce.regionalDistribution()).put("market", workforce.market())
                .put("pay", workforce.pay()).put("data_sources", workforce.dataSources());
        ArrayNode employers = node.putArray("employers");
        for (Proposal.Employer employer : workforce.employers()) {
            employers.addObject().put("name", employer.name()).put("address", employer.address())
                    .put("phone", employer.phone());
        }
        return node;
    }

    private static ObjectNode training(Proposal.Training training) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode schools = node.putArray("schools");
        for (Proposal.School school : training.schools()) {
            schools.addObject().put("institution", school.institution()).put("major", school.major())
                    .put("courses", school.courses());
        }
        ArrayNode institutions = node.putArray("institutions");
        for (Proposal.TrainingInstitution institution : training.institutions()) {
            institutions.addObject().put("name", institution.name()).put("address", institution.address())
                    .put("phone", institution.phone());
        }
        return node;
    }

    private static ObjectNode abroad(Proposal.Abroad abroad) {
        ObjectNode node = MAPPER.createObjectNode();
        node.set("countries", strings(abroad.countries()));
        node.set("similar_names", strings(abroad.similarNames()));
        node.set("main_tasks", strings(abroad.mainTasks()));
        return node.put("requirements", abroad.requirements()).put("standards", abroad.standards())
                .put("training", abroad.training());
    }

    private static ObjectNode summaryTable(SummaryTable table) {
        ObjectNode root = MAPPER.createObjectNode().put("form", "summary_table").put("city", table.city())
                .put("preparer", table.preparer()).put("filled_date", iso(table.filledDate()));
        ArrayNode rows = root.putArray("rows");
        int position = 0;
        for (SummaryTable.Row row : table.rows()) {
            ObjectNode node = rows.addObject().put("no", FormValues.serialNumber(row.no(), ++position))
                    .put("category", row.category() == null ? null : row.category().code()).put("name", row.name());
            node.set("alternative_names", strings(FormValues.names(row.alternativeNames())));
            node.put("definition", row.definition()).put("related", row.related()).put("industry", row.industry())
                    .put("applicant", row.applicant()).put("contact", row.contact())
                    .put("city_reviewed", row.cityReviewed());
        }
        return root;
    }

    private static ArrayNode findings(List<Finding> findings) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Finding finding : findings) {
            array.addObject().put("code", finding.code()).put("severity", finding.severity().code())
                    .put("field", finding.field()).put("message", finding.message());
        }
        return array;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static @Nullable String iso(@Nullable LocalDate date) {
        return date == null ? null : date.toString();
    }
}
