package cn.gdhrss.intake.form;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The checks of 二、职业(工种)描述信息 against the catalogues: the name's form, whether it is
 * already taken (or, for 调整变更, whether it exists), the industry and the related codes.
 */
final class OccupationChecks {

    /**
     * How 细类 names of the 2022 大典 end (footnote ③: **工, **员, **师 …): every name of the
     * 大典 and of the occupations published since ends with one of these.
     */
    static final List<String> OCCUPATION_ENDINGS = List.of(
            "工", "员", "师", "家", "手", "官", "士", "人", "者", "匠", "医", "生", "兵", "警", "警察",
            "司机", "编辑", "顾问", "翻译", "秘书", "经理", "董事", "导演", "编导", "导游", "导播", "主播",
            "领队", "模特", "裁缝", "指挥", "场记", "代表", "监督", "计调", "设计", "摊商");

    static final Pattern OCCUPATION_CODE =
            Pattern.compile("(?<![\\d-])\\d-\\d{2}-\\d{2}-\\d{2}(?:-\\d{2})?(?![\\d-])");
    private static final Pattern TRAILING_BRACKETS = Pattern.compile("[(（][^()（）]*[)）]$");
    private static final Pattern INDUSTRY_SEPARATORS = Pattern.compile("[，,；;/\\n|>＞→\\-—－]+");
    /** The end of a name that is looked at; no occupation name is longer. */
    private static final int MAX_NAME_TAIL = 100;
    private static final int MAX_NAMES = 10;
    private static final int MAX_CODES = 20;
    private static final int MAX_INDUSTRY_PARTS = 10;
    private static final int SUGGESTIONS = 3;

    private final Catalogues catalogues;

    OccupationChecks(Catalogues catalogues) {
        this.catalogues = catalogues;
    }

    /** Findings in the order of the form: name, alternative names, related occupations, industry. */
    List<Finding> check(Proposal proposal) {
        List<Finding> findings = new ArrayList<>();
        checkEndings(proposal.occupation(), findings);
        checkExistence(proposal, findings);
        checkRelated(proposal, findings);
        checkIndustry(proposal.occupation().industry(), findings);
        return findings;
    }

    /** Whether a name ends as occupation names do; a trailing bracketed note is ignored (军官（警官）). */
    static boolean hasOccupationEnding(String name) {
        String tail = name.length() > MAX_NAME_TAIL ? name.substring(name.length() - MAX_NAME_TAIL) : name;
        String text = Normalizer.normalize(tail, Normalizer.Form.NFKC).strip();
        text = TRAILING_BRACKETS.matcher(text).replaceFirst("").strip();
        String cleaned = text.replaceAll("[\\p{P}\\s]+$", "");
        return OCCUPATION_ENDINGS.stream().anyMatch(cleaned::endsWith);
    }

    /** Codes written in the related box, and those the reader found, in order, each once. */
    static List<String> relatedCodes(Proposal.Occupation occupation) {
        Set<String> codes = new LinkedHashSet<>(occupation.relatedCodes());
        String text = Normalizer.normalize(occupation.related(), Normalizer.Form.NFKC).replaceAll("[—–－]", "-");
        Matcher matcher = OCCUPATION_CODE.matcher(text.length() > 10_000 ? text.substring(0, 10_000) : text);
        while (matcher.find()) {
            codes.add(matcher.group());
        }
        return codes.stream().map(String::trim).filter(code -> !code.isEmpty()).limit(MAX_CODES).toList();
    }

    private void checkEndings(Proposal.Occupation occupation, List<Finding> findings) {
        if (!occupation.name().isBlank() && !hasOccupationEnding(occupation.name())) {
            findings.add(FindingCode.OCCUPATION_NAME_UNUSUAL_ENDING.finding(occupation.name()));
        }
        List<String> alternatives = alternatives(occupation);
        for (int index = 0; index < alternatives.size(); index++) {
            if (!hasOccupationEnding(alternatives.get(index))) {
                findings.add(FindingCode.OCCUPATION_ALTERNATIVE_NAME_UNUSUAL_ENDING.at(
                        alternativeField(index), index + 1, alternatives.get(index)));
            }
        }
    }

    private void checkIndustry(String industry, List<Finding> findings) {
        if (industry.isBlank()) {
            return;
        }
        unmatchedIndustry(industry).ifPresent(unmatched -> findings.add(
                FindingCode.OCCUPATION_INDUSTRY_UNKNOWN.finding(unmatched, suggestions(unmatched))));
    }

    /**
     * The part of the industry box that is no GB/T 4754 name: empty when the whole box is one
     * name, or every part of it split at ，；/ line breaks or hierarchy marks (制造业-汽车制造业)
     * is, a part split further at 、 only when it is no name as a whole (农、林、牧、渔业 is one).
     */
    private Optional<String> unmatchedIndustry(String industry) {
        if (catalogues.findIndustryNamed(industry).isPresent()) {
            return Optional.empty();
        }
        String[] parts = INDUSTRY_SEPARATORS.split(industry);
        if (parts.length > MAX_INDUSTRY_PARTS) {
            return Optional.of(industry);
        }
        for (String part : parts) {
            if (!part.isBlank() && !isIndustryList(part)) {
                return Optional.of(part.strip());
            }
        }
        return Optional.empty();
    }

    private boolean isIndustryList(String part) {
        if (catalogues.findIndustryNamed(part).isPresent()) {
            return true;
        }
        String[] names = part.split("、");
        return names.length > 1 && names.length <= MAX_INDUSTRY_PARTS
                && java.util.Arrays.stream(names).allMatch(name -> catalogues.findIndustryNamed(name).isPresent());
    }

    private FindingCode.CatalogueText suggestions(String unmatched) {
        List<Catalogues.Industry> closest = catalogues.listClosestIndustries(unmatched, SUGGESTIONS);
        if (closest.isEmpty()) {
            return new FindingCode.CatalogueText("，请按该标准中的行业名称填写");
        }
        String names = closest.stream().map(industry -> "“" + industry.name() + "”").collect(Collectors.joining("、"));
        return new FindingCode.CatalogueText("，最接近的有：" + names + "，请按标准名称填写");
    }

    private void checkRelated(Proposal proposal, List<Finding> findings) {
        List<String> codes = relatedCodes(proposal.occupation());
        if (isNew(proposal.category())) {
            if (proposal.occupation().related().isBlank() && codes.isEmpty()) {
                findings.add(FindingCode.OCCUPATION_RELATED_MISSING.finding());
            } else if (codes.isEmpty()) {
                findings.add(FindingCode.OCCUPATION_RELATED_CODE_MISSING.finding());
            }
        }
        for (String code : codes) {
            if (!catalogues.isKnownOccupationCode(code)) {
                findings.add(FindingCode.OCCUPATION_RELATED_CODE_UNKNOWN.finding(code));
            }
        }
    }

    private void checkExistence(Proposal proposal, List<Finding> findings) {
        Category category = proposal.category();
        String name = proposal.occupation().name();
        if (category == null || name.isBlank()) {
            return;
        }
        if (category == Category.CHANGE) {
            checkExists(proposal.occupation(), findings);
            return;
        }
        checkNameNotTaken(name, category, findings);
        List<String> alternatives = alternatives(proposal.occupation());
        for (int index = 0; index < alternatives.size(); index++) {
            checkAlternativeNotTaken(alternatives.get(index), index, category, findings);
        }
    }

    private void checkNameNotTaken(String name, Category category, List<Finding> findings) {
        List<Catalogues.KnownOccupation> named = catalogues.listOccupationsNamed(name);
        Optional<Catalogues.KnownOccupation> taken = named.stream().filter(known -> !known.isGroup()).findFirst();
        if (taken.isPresent()) {
            findings.add(FindingCode.OCCUPATION_NAME_EXISTS.finding(name, taken.get().name(),
                    described(taken.get()), category.label()));
        } else if (!named.isEmpty()) {
            Catalogues.KnownOccupation group = named.get(0);
            findings.add(FindingCode.OCCUPATION_NAME_IS_GROUP.finding(name, group.kind(), group.name(), group.code()));
        } else {
            similarText(name).ifPresent(similar ->
                    findings.add(FindingCode.OCCUPATION_NAME_SIMILAR.finding(name, similar)));
        }
    }

    private void checkAlternativeNotTaken(String name, int index, Category category, List<Finding> findings) {
        Optional<Catalogues.KnownOccupation> taken = catalogues.listOccupationsNamed(name).stream()
                .filter(known -> !known.isGroup()).findFirst();
        if (taken.isPresent()) {
            findings.add(FindingCode.OCCUPATION_ALTERNATIVE_NAME_EXISTS.at(alternativeField(index), index + 1, name,
                    taken.get().name(), described(taken.get()), category.label()));
        } else {
            similarText(name).ifPresent(similar -> findings.add(
                    FindingCode.OCCUPATION_ALTERNATIVE_NAME_SIMILAR.at(alternativeField(index), index + 1, name, similar)));
        }
    }

    /**
     * 调整变更: the occupation must exist. It does when its name is a known name (group names
     * included), or when the related box gives a known code, since a change may propose the new
     * name and identify the existing occupation by its code. A 2022 name renamed since is noted.
     */
    private void checkExists(Proposal.Occupation occupation, List<Finding> findings) {
        List<Catalogues.KnownOccupation> named = catalogues.listOccupationsNamed(occupation.name());
        if (!named.isEmpty()) {
            renameOf(occupation.name(), named).ifPresent(rename -> findings.add(FindingCode.OCCUPATION_RENAMED
                    .finding(occupation.name(), rename.code(), rename.currentName())));
            return;
        }
        if (relatedCodes(occupation).stream().anyMatch(catalogues::isKnownOccupationCode)) {
            return;
        }
        String similar = similarText(occupation.name()).map(text -> "（相近的有：" + text + "）").orElse("");
        findings.add(FindingCode.OCCUPATION_NOT_FOUND.finding(occupation.name(), new FindingCode.CatalogueText(similar)));
    }

    private Optional<Catalogues.Rename> renameOf(String name, List<Catalogues.KnownOccupation> named) {
        String key = DuplicateMatcher.key(name);
        return named.stream().map(known -> catalogues.findRename(known.code())).flatMap(Optional::stream)
                .filter(rename -> DuplicateMatcher.key(rename.name2022()).equals(key)).findFirst();
    }

    private Optional<FindingCode.CatalogueText> similarText(String name) {
        List<Catalogues.SimilarOccupation> similar = catalogues.listSimilarOccupations(name, SUGGESTIONS);
        if (similar.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FindingCode.CatalogueText(similar.stream()
                .map(found -> "“" + found.occupation().name() + "”（" + found.occupation().describe() + "）")
                .collect(Collectors.joining("、"))));
    }

    private static FindingCode.CatalogueText described(Catalogues.KnownOccupation known) {
        return new FindingCode.CatalogueText(known.describe());
    }

    private static List<String> alternatives(Proposal.Occupation occupation) {
        return occupation.alternativeNames().stream().filter(name -> !name.isBlank()).limit(MAX_NAMES).toList();
    }

    private static String alternativeField(int index) {
        return "occupation.alternative_names[" + index + "]";
    }

    private static boolean isNew(@Nullable Category category) {
        return category == Category.NEW_OCCUPATION || category == Category.NEW_JOB_TYPE;
    }
}
