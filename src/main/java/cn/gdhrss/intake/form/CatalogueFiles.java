package cn.gdhrss.intake.form;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/** Reads the CSV files of the reference folder into the records of {@link Catalogues}. */
final class CatalogueFiles {

    static final String INDUSTRIES = "industries.csv";
    static final String OCCUPATIONS = "occupations-2022.csv";
    static final String NEW_OCCUPATIONS = "new-occupations.csv";
    static final String NEW_WORK_TYPES = "new-work-types.csv";
    static final String RENAMES = "occupation-renames-post2022.csv";
    static final String KNOWN_NAMES = "known-occupation-names.csv";
    static final String CITIES = "guangdong-cities.csv";
    static final String COUNTIES = "guangdong-counties.csv";

    private static final String DADIAN_2022 = "2022年版《大典》";

    private final Path directory;

    CatalogueFiles(Path directory) {
        this.directory = directory;
    }

    List<Catalogues.Industry> industries() {
        CsvTable table = open(INDUSTRIES, "code", "level", "level_name", "name", "parent_code");
        return rows(table, row -> new Catalogues.Industry(table.value(row, "code"), level(table, row),
                table.value(row, "level_name"), table.value(row, "name"), table.value(row, "parent_code")));
    }

    List<Catalogues.Occupation> occupations() {
        CsvTable table = open(OCCUPATIONS, "code", "level", "level_name", "name", "parent_code", "definition",
                "name_osta_current");
        return rows(table, row -> new Catalogues.Occupation(table.value(row, "code"), level(table, row),
                table.value(row, "level_name"), table.value(row, "name"), table.value(row, "parent_code"),
                table.value(row, "definition"), table.value(row, "name_osta_current")));
    }

    List<Catalogues.NewOccupation> newOccupations() {
        CsvTable table = open(NEW_OCCUPATIONS, "batch_no", "batch_date", "name", "code_if_known", "definition_if_known");
        return rows(table, row -> new Catalogues.NewOccupation(table.value(row, "batch_no"),
                table.value(row, "batch_date"), table.value(row, "name"), table.value(row, "code_if_known"),
                table.value(row, "definition_if_known")));
    }

    List<Catalogues.NewWorkType> newWorkTypes() {
        CsvTable table = open(NEW_WORK_TYPES, "batch_no", "batch_date", "name", "parent_occupation",
                "parent_code_if_known");
        return rows(table, row -> new Catalogues.NewWorkType(table.value(row, "batch_no"),
                table.value(row, "batch_date"), table.value(row, "name"), table.value(row, "parent_occupation"),
                table.value(row, "parent_code_if_known")));
    }

    List<Catalogues.Rename> renames() {
        CsvTable table = open(RENAMES, "code", "name_2022", "name_osta_current");
        return rows(table, row -> new Catalogues.Rename(table.value(row, "code"), table.value(row, "name_2022"),
                table.value(row, "name_osta_current")));
    }

    List<Catalogues.KnownOccupation> knownNames() {
        CsvTable table = open(KNOWN_NAMES, "name", "code", "kind");
        return rows(table, row -> new Catalogues.KnownOccupation(table.value(row, "name"), table.value(row, "code"),
                kindOf(table.value(row, "kind")), "已收录职业名称"));
    }

    List<Catalogues.City> cities() {
        CsvTable table = open(CITIES, "code", "name", "short_name");
        return rows(table, row -> new Catalogues.City(table.value(row, "code"), table.value(row, "name"),
                table.value(row, "short_name")));
    }

    List<Catalogues.County> counties() {
        CsvTable table = open(COUNTIES, "code", "name", "city_code", "city_name");
        return rows(table, row -> new Catalogues.County(table.value(row, "code"), table.value(row, "name"),
                table.value(row, "city_code"), table.value(row, "city_name")));
    }

    /**
     * Every taken name, first source first: the 2022 大典 (细类 with their post-2022 renames noted,
     * then groups), current OSTA names, new occupations, new 工种, then whatever the derived
     * known-names file adds. A name listed twice with the same code is kept once.
     */
    static List<Catalogues.KnownOccupation> knownOccupations(
            List<Catalogues.Occupation> occupations, Map<String, Catalogues.Rename> renames,
            List<Catalogues.NewOccupation> newOccupations, List<Catalogues.NewWorkType> newWorkTypes,
            List<Catalogues.KnownOccupation> knownNames) {
        List<Catalogues.KnownOccupation> all = new ArrayList<>();
        for (Catalogues.Occupation occupation : occupations) {
            all.add(fromDadian(occupation, renames));
        }
        for (Catalogues.Occupation occupation : occupations) {
            if (!occupation.currentName().isEmpty() && !occupation.currentName().equals(occupation.name())) {
                all.add(new Catalogues.KnownOccupation(occupation.currentName(), occupation.code(), "职业",
                        "《大典》现行名称，2022年版为“" + occupation.name() + "”"));
            }
        }
        for (Catalogues.Rename rename : new java.util.TreeMap<>(renames).values()) {
            all.add(new Catalogues.KnownOccupation(rename.currentName(), rename.code(), "职业",
                    "2022年后由“" + rename.name2022() + "”更名"));
        }
        for (Catalogues.NewOccupation created : newOccupations) {
            all.add(new Catalogues.KnownOccupation(created.name(), created.code(), "职业",
                    published(created.batchDate()) + "的新职业"));
        }
        for (Catalogues.NewWorkType workType : newWorkTypes) {
            all.add(new Catalogues.KnownOccupation(workType.name(), "", "工种", workTypeOrigin(workType)));
        }
        all.addAll(knownNames);
        return distinct(all);
    }

    private static Catalogues.KnownOccupation fromDadian(
            Catalogues.Occupation occupation, Map<String, Catalogues.Rename> renames) {
        String kind = occupation.level() == 4 ? "职业" : occupation.levelName();
        Catalogues.Rename rename = renames.get(occupation.code());
        String current = rename != null ? rename.currentName() : occupation.currentName();
        String origin = current.isEmpty() || current.equals(occupation.name())
                ? DADIAN_2022 : DADIAN_2022 + "，现名“" + current + "”";
        return new Catalogues.KnownOccupation(occupation.name(), occupation.code(), kind, origin);
    }

    private static String workTypeOrigin(Catalogues.NewWorkType workType) {
        String origin = published(workType.batchDate()) + "的新工种";
        if (workType.parentOccupation().isEmpty()) {
            return origin;
        }
        String parentCode = workType.parentCode().isEmpty() ? "" : " " + workType.parentCode();
        return origin + "，属“" + workType.parentOccupation() + "”" + parentCode;
    }

    private static String published(String batchDate) {
        return batchDate.isEmpty() ? "2022年后公布" : batchDate + "公布";
    }

    private static List<Catalogues.KnownOccupation> distinct(List<Catalogues.KnownOccupation> all) {
        Set<String> seen = new HashSet<>();
        List<Catalogues.KnownOccupation> distinct = new ArrayList<>();
        for (Catalogues.KnownOccupation known : all) {
            String identity = DuplicateMatcher.key(known.name()) + "|" + known.code();
            if (!known.name().isEmpty() && seen.add(identity)) {
                distinct.add(known);
            }
        }
        return distinct;
    }

    /** 职业(细类) of the derived file is an occupation like the 大典's 细类. */
    private static String kindOf(String kind) {
        return kind.startsWith("职业") ? "职业" : kind;
    }

    private CsvTable open(String file, String... columns) {
        return CsvTable.read(directory.resolve(file)).require(columns);
    }

    private static <T> List<T> rows(CsvTable table, IntFunction<T> row) {
        List<T> records = new ArrayList<>(table.size());
        for (int index = 0; index < table.size(); index++) {
            if (!table.value(index, "name").isEmpty() || !table.value(index, "code").isEmpty()) {
                records.add(row.apply(index));
            }
        }
        return List.copyOf(records);
    }

    private static int level(CsvTable table, int row) {
        String level = table.value(row, "level");
        if (!level.matches("[1-4]")) {
            throw new CatalogueException(String.format(Locale.ROOT,
                    "参照文件 %s 第 %d 行的 level 只能是 1、2、3 或 4，现为“%s”，请从 shared/reference 重新复制。",
                    table.file(), row + 2, level));
        }
        return Integer.parseInt(level);
    }
}
