package cn.gdhrss.intake.form;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The national catalogues the checks of issue 3 compare forms with, read once from the CSV files
 * of the reference folder (see its README.md for what each file holds and its known gaps):
 * GB/T 4754-2017 industries of all levels, the 2022 大典, the new occupations and 工种 published
 * since, post-2022 renames, the derived list of known names, and Guangdong's cities and counties.
 *
 * <p>All lookups are indexed at load time (maps of normalised names, a bigram index for
 * suggestions), so a finder costs microseconds. Immutable after {@link #load}; thread-safe.
 */
public final class Catalogues {

    /** Where the service looks when the configuration names no folder: relative to the working directory. */
    public static final Path DEFAULT_DIRECTORY = Path.of("reference");

    private static final Logger LOG = LoggerFactory.getLogger(Catalogues.class);
    private static final Set<String> GROUP_KINDS = Set.of("大类", "中类", "小类");
    private static final Pattern LEADING_CODE =
            Pattern.compile("^(?:[(\\[【（]?(?:[A-Ta-t]\\s*\\d{2,4}|\\d{2,4}|[A-Ta-t])[)\\]】）]?[\\s:：、.．\\-—]*)+(?=\\D)");
    private static final Pattern TRAILING_CODE =
            Pattern.compile("[\\s:：\\-—]*[(\\[【（]?([A-Ta-t]?\\d{2,4})[)\\]】）]?$");
    private static final Pattern WORK_TYPE_CODE = Pattern.compile("^(\\d-\\d{2}-\\d{2}-\\d{2})-\\d{2}$");
    private static final int CANDIDATES = 40;
    /** Longer than any industry name with its code; longer text is no single name. */
    private static final int MAX_INDUSTRY_TEXT = 200;

    /** A class of GB/T 4754-2017 (with its 2019 amendment); level 1 门类 … 4 小类. */
    public record Industry(String code, int level, String levelName, String name, String parentCode) {}

    /** A row of the 2022 大典, any level; {@code currentName} is the OSTA name when it changed since, else "". */
    public record Occupation(
            String code, int level, String levelName, String name, String parentCode, String definition,
            String currentName) {}

    /** An occupation (职业) announced by MOHRSS since 2019; code and definition "" where unknown. */
    public record NewOccupation(String batchNo, String batchDate, String name, String code, String definition) {}

    /** A new 工种 under an existing occupation; parent fields "" where unknown. */
    public record NewWorkType(String batchNo, String batchDate, String name, String parentOccupation, String parentCode) {}

    /** A 细类 renamed after the 2022 edition. */
    public record Rename(String code, String name2022, String currentName) {}

    /** A Guangdong 地级以上市, e.g. 440100 广州市 (short name 广州). */
    public record City(String code, String name, String shortName) {}

    /** A Guangdong county-level unit and its city. */
    public record County(String code, String name, String cityCode, String cityName) {}

    /**
     * A name that is already taken: a 大典 occupation or group, a published new occupation or
     * 工种, or a current name after a rename.
     *
     * @param kind 职业, 工种, 大类, 中类 or 小类
     * @param code the 大典 code, "" when the sources give none (most new 工种)
     * @param origin where it is listed, in Chinese, e.g. 2022年版《大典》 or 2024-07-31公布的新职业
     */
    public record KnownOccupation(String name, String code, String kind, String origin) {
        /** A 大类, 中类 or 小类 rather than an occupation or 工种. */
        public boolean isGroup() {
            return GROUP_KINDS.contains(kind);
        }

        /** Code and origin as a message shows them in brackets: 2-02-38-01，2022年版《大典》. */
        public String describe() {
            return code.isEmpty() ? origin : code + "，" + origin;
        }
    }

    /** A known name close to the one asked about, with its {@link DuplicateMatcher} score. */
    public record SimilarOccupation(KnownOccupation occupation, double similarity) {}

    private final List<Industry> industries;
    private final List<Occupation> occupations;
    private final List<NewOccupation> newOccupations;
    private final List<NewWorkType> newWorkTypes;
    private final List<Rename> renames;
    private final List<KnownOccupation> knownOccupations;
    private final List<City> cities;
    private final List<County> counties;

    private final Map<String, Industry> industriesByCode = new HashMap<>();
    private final Map<String, Industry> industriesByKey = new LinkedHashMap<>();
    private final CharacterBigrams industryIndex;
    private final Map<String, Occupation> occupationsByCode = new HashMap<>();
    private final Map<String, Rename> renamesByCode = new HashMap<>();
    private final Set<String> knownCodes = new HashSet<>();
    private final Map<String, List<KnownOccupation>> knownByKey = new LinkedHashMap<>();
    private final Map<String, List<String>> knownKeysByCore = new HashMap<>();
    private final CharacterBigrams knownIndex;
    private final Map<String, City> citiesByKey = new HashMap<>();
    private final Map<String, County> countiesByKey = new HashMap<>();

    private Catalogues(
            List<Industry> industries, List<Occupation> occupations, List<NewOccupation> newOccupations,
            List<NewWorkType> newWorkTypes, List<Rename> renames, List<KnownOccupation> knownNames,
            List<City> cities, List<County> counties) {
        this.industries = List.copyOf(industries);
        this.occupations = List.copyOf(occupations);
        this.newOccupations = List.copyOf(newOccupations);
        this.newWorkTypes = List.copyOf(newWorkTypes);
        this.renames = List.copyOf(renames);
        this.cities = List.copyOf(cities);
        this.counties = List.copyOf(counties);
        indexIndustries();
        this.industryIndex = new CharacterBigrams(List.copyOf(industriesByKey.keySet()));
        indexOccupationCodes();
        this.knownOccupations = List.copyOf(CatalogueFiles.knownOccupations(
                this.occupations, renamesByCode, this.newOccupations, this.newWorkTypes, knownNames));
        indexKnownNames();
        this.knownIndex = new CharacterBigrams(List.copyOf(knownByKey.keySet()));
        indexPlaces();
    }

    /**
     * Reads every catalogue file of {@code directory} (the CSV files and column names of
     * reference/README.md; columns may be reordered, UTF-8 with or without BOM, or GB18030 as
     * Excel saves it).
     *
     * @throws CatalogueException when the folder or a file is missing, unreadable or lacks a column
     */
    public static Catalogues load(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new CatalogueException("参照目录 " + directory.toAbsolutePath()
                    + " 不存在，请在程序的安装目录（含 reference 目录）中运行本命令，或从 shared/reference 复制参照文件到该目录。");
        }
        CatalogueFiles files = new CatalogueFiles(directory);
        Catalogues catalogues = new Catalogues(files.industries(), files.occupations(), files.newOccupations(),
                files.newWorkTypes(), files.renames(), files.knownNames(), files.cities(), files.counties());
        LOG.info("Loaded catalogues from {}: {} industries, {} occupations, {} new occupations, {} new work types, {} known names",
                directory, catalogues.industries.size(), catalogues.occupations.size(), catalogues.newOccupations.size(),
                catalogues.newWorkTypes.size(), catalogues.knownOccupations.size());
        return catalogues;
    }

    // ---- industries

    public List<Industry> listIndustries() {
        return industries;
    }

    public Optional<Industry> findIndustry(String code) {
        return Optional.ofNullable(industriesByCode.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    /**
     * The industry whose name equals {@code text} after normalising spaces, brackets, full-width
     * forms and punctuation; a code written before or after the name (I6510 软件开发, 软件开发（6510）)
     * is ignored. Empty when the text is no single industry name.
     */
    public Optional<Industry> findIndustryNamed(String text) {
        Industry exact = industriesByKey.get(NameKeys.industryKey(text));
        if (exact != null) {
            return Optional.of(exact);
        }
        if (text.length() > MAX_INDUSTRY_TEXT) {
            return Optional.empty();
        }
        String withoutCodes = stripCodes(text);
        return Optional.ofNullable(industriesByKey.get(NameKeys.industryKey(withoutCodes)));
    }

    /**
     * Up to {@code limit} industries with the closest names (Dice coefficient of character
     * bigrams, then edit distance), distinct by name; when the text is an industry code, that
     * industry comes first. Empty when no name shares a bigram with the text.
     */
    public List<Industry> listClosestIndustries(String text, int limit) {
        List<Industry> closest = new ArrayList<>();
        findIndustry(text).ifPresent(closest::add);
        String key = NameKeys.industryKey(stripCodes(
                text.length() > MAX_INDUSTRY_TEXT ? text.substring(0, MAX_INDUSTRY_TEXT) : text));
        List<CharacterBigrams.Scored> scored = new ArrayList<>(industryIndex.closest(key, CANDIDATES));
        scored.sort(Comparator.comparingDouble((CharacterBigrams.Scored candidate) -> -candidate.dice())
                .thenComparingDouble(candidate -> -DuplicateMatcher.levenshteinRatio(key, candidate.key())));
        for (CharacterBigrams.Scored candidate : scored) {
            Industry industry = industriesByKey.get(candidate.key());
            if (closest.size() < limit && industry != null && !closest.contains(industry)) {
                closest.add(industry);
            }
        }
        return closest.size() > limit ? List.copyOf(closest.subList(0, limit)) : List.copyOf(closest);
    }

    // ---- occupations

    public List<Occupation> listOccupations() {
        return occupations;
    }

    public List<NewOccupation> listNewOccupations() {
        return newOccupations;
    }

    public List<NewWorkType> listNewWorkTypes() {
        return newWorkTypes;
    }

    public List<Rename> listRenames() {
        return renames;
    }

    /** Every known name, 2022 大典 first, then current names, new occupations, new 工种. */
    public List<KnownOccupation> listKnownOccupations() {
        return knownOccupations;
    }

    /** A row of the 2022 大典 by its code (2, 2-02, 2-02-38 or 2-02-38-01). */
    public Optional<Occupation> findOccupation(String code) {
        return Optional.ofNullable(occupationsByCode.get(code.trim()));
    }

    /** The post-2022 rename of the 细类 with this code. */
    public Optional<Rename> findRename(String code) {
        return Optional.ofNullable(renamesByCode.get(code.trim()));
    }

    /**
     * Whether a 大典 code is known: a code of the 2022 大典 (any level), of a published new
     * occupation, of the parent of a published new 工种, or a renamed 细类. A 工种 code
     * (x-xx-xx-xx-xx) is known when its 细类 is: the 大典 lists 工种 only in its printed text,
     * which the reference files do not hold.
     */
    public boolean isKnownOccupationCode(String code) {
        String trimmed = code.trim();
        if (knownCodes.contains(trimmed)) {
            return true;
        }
        Matcher workType = WORK_TYPE_CODE.matcher(trimmed);
        return workType.matches() && knownCodes.contains(workType.group(1));
    }

    /**
     * Every known occupation, group or 工种 whose name equals {@code name} after normalising
     * brackets, spaces, full-width forms and 人员/员; occupations and 工种 before groups.
     */
    public List<KnownOccupation> listOccupationsNamed(String name) {
        List<KnownOccupation> named = knownByKey.get(DuplicateMatcher.key(name));
        if (named == null) {
            return List.of();
        }
        List<KnownOccupation> sorted = new ArrayList<>(named);
        sorted.sort(Comparator.comparing(KnownOccupation::isGroup));
        return List.copyOf(sorted);
    }

    /**
     * Occupations and 工种 (not groups) whose names are very similar to {@code name} without
     * being the same ({@link DuplicateMatcher#isSimilar}), best first, at most {@code limit}, one
     * per distinct name.
     */
    public List<SimilarOccupation> listSimilarOccupations(String name, int limit) {
        String key = DuplicateMatcher.key(name);
        if (key.isEmpty()) {
            return List.of();
        }
        Map<String, Double> candidates = candidateKeys(key);
        List<SimilarOccupation> similar = new ArrayList<>();
        candidates.forEach((candidate, dice) -> {
            if (!candidate.equals(key) && DuplicateMatcher.mayReach(key, candidate, dice, DuplicateMatcher.SIMILAR_THRESHOLD)) {
                double score = DuplicateMatcher.similarityOfKeys(key, candidate, dice);
                firstOccupation(candidate).filter(unused -> score >= DuplicateMatcher.SIMILAR_THRESHOLD)
                        .ifPresent(known -> similar.add(new SimilarOccupation(known, score)));
            }
        });
        similar.sort(Comparator.comparingDouble(SimilarOccupation::similarity).reversed()
                .thenComparing(found -> found.occupation().name()));
        return similar.size() > limit ? List.copyOf(similar.subList(0, limit)) : List.copyOf(similar);
    }

    /**
     * Known keys that may be similar to {@code key}, with their bigram Dice coefficient: every key
     * sharing a bigram (an edit-distance match may have a low Dice score) and every key of the
     * same core (数据标注员 for 数据标注师, which may share none when short).
     */
    private Map<String, Double> candidateKeys(String key) {
        Map<String, Double> candidates = new HashMap<>();
        for (CharacterBigrams.Scored scored : knownIndex.sharing(key)) {
            candidates.put(scored.key(), scored.dice());
        }
        for (String sameCore : knownKeysByCore.getOrDefault(DuplicateMatcher.core(key), List.of())) {
            candidates.putIfAbsent(sameCore, CharacterBigrams.dice(key, sameCore));
        }
        return candidates;
    }

    // ---- places

    public List<City> listCities() {
        return cities;
    }

    public List<County> listCounties() {
        return counties;
    }

    /** A city by its name (广州市), short name (广州) or code (440100). */
    public Optional<City> findCity(String nameOrCode) {
        return Optional.ofNullable(citiesByKey.get(NameKeys.contentKey(nameOrCode)));
    }

    /** A county-level unit by its name (天河区) or code (440106). */
    public Optional<County> findCounty(String nameOrCode) {
        return Optional.ofNullable(countiesByKey.get(NameKeys.contentKey(nameOrCode)));
    }

    /**
     * The first city whose short name (广州) or one of whose counties' names (顺德区) occurs in
     * {@code text}, e.g. a table title 新职业信息汇总表（广州地市） or an address; empty when none.
     */
    public Optional<City> findCityMentionedIn(String text) {
        String key = NameKeys.contentKey(text);
        for (City city : cities) {
            if (key.contains(NameKeys.contentKey(city.shortName()))) {
                return Optional.of(city);
            }
        }
        for (County county : counties) {
            if (key.contains(NameKeys.contentKey(county.name()))) {
                return findCity(county.cityCode());
            }
        }
        return Optional.empty();
    }

    // ---- indexing

    private void indexIndustries() {
        for (Industry industry : industries) {
            industriesByCode.putIfAbsent(industry.code().toUpperCase(Locale.ROOT), industry);
            industriesByKey.putIfAbsent(NameKeys.industryKey(industry.name()), industry);
        }
    }

    private void indexOccupationCodes() {
        for (Occupation occupation : occupations) {
            occupationsByCode.putIfAbsent(occupation.code(), occupation);
            knownCodes.add(occupation.code());
        }
        for (Rename rename : renames) {
            renamesByCode.putIfAbsent(rename.code(), rename);
            knownCodes.add(rename.code());
        }
        newOccupations.stream().map(NewOccupation::code).filter(code -> !code.isEmpty()).forEach(knownCodes::add);
        newWorkTypes.stream().map(NewWorkType::parentCode).filter(code -> !code.isEmpty()).forEach(knownCodes::add);
    }

    private void indexKnownNames() {
        for (KnownOccupation known : knownOccupations) {
            String key = DuplicateMatcher.key(known.name());
            List<KnownOccupation> named = knownByKey.computeIfAbsent(key, unused -> new ArrayList<>());
            if (named.isEmpty()) {
                knownKeysByCore.computeIfAbsent(DuplicateMatcher.core(key), unused -> new ArrayList<>()).add(key);
            }
            named.add(known);
        }
        knownKeysByCore.remove("");
    }

    private void indexPlaces() {
        for (City city : cities) {
            for (String name : List.of(city.code(), city.name(), city.shortName())) {
                citiesByKey.putIfAbsent(NameKeys.contentKey(name), city);
            }
        }
        for (County county : counties) {
            countiesByKey.putIfAbsent(NameKeys.contentKey(county.code()), county);
            countiesByKey.putIfAbsent(NameKeys.contentKey(county.name()), county);
        }
    }

    private Optional<KnownOccupation> firstOccupation(String key) {
        return knownByKey.getOrDefault(key, List.of()).stream().filter(known -> !known.isGroup()).findFirst();
    }

    private static String stripCodes(String text) {
        String trimmed = text.trim();
        String withoutLeading = LEADING_CODE.matcher(trimmed).replaceFirst("");
        return TRAILING_CODE.matcher(withoutLeading).replaceFirst("");
    }
}
