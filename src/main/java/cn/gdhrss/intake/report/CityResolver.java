package cn.gdhrss.intake.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Attributes a case to a city (issue 5, "Periods and cities"), trying in order: the title of a city
 * batch's 汇总表; the sender's address or domain as mapped in the config (the only way to 省属); the
 * applicant's 通讯地址, by city or county-level names (番禺区 → 广州市, 顺德 → 佛山市); the
 * applicant's name; else {@link CityDecision#UNDECIDED} for staff to set.
 *
 * <p>Within a text, full names are trusted before short ones: 广州市, then 番禺区, then 广州, then
 * 番禺. Short names that are also common words (中山路, 光明, 南海, 新兴…) are not used alone, and
 * only full city names are used when the text names another province and not 广东.
 */
public final class CityResolver {

    public static final String CITIES_FILE = "guangdong-cities.csv";
    public static final String COUNTIES_FILE = "guangdong-counties.csv";
    /** Address and name text is read up to this length. */
    static final int MAX_TEXT_LENGTH = 300;
    /** The xx地市 placeholder of the blank 附件2, and what a province-level batch may write there. */
    private static final Set<String> PROVINCIAL_TITLES = Set.of("省属", "省直", "省直单位", "省属单位");

    /** Short names and one county name that are ordinary words or street names far beyond their place. */
    private static final Set<String> AMBIGUOUS_NAMES = Set.of(
            "城区", "中山", "光明", "南海", "高明", "龙门", "紫金", "和平", "清新", "新兴", "江海", "江城", "龙华", "白云",
            "南山", "黄埔", "平远", "新丰", "始兴", "云安", "东源", "仁化");
    private static final List<String> OTHER_PROVINCES = List.of(
            "北京市", "天津市", "上海市", "重庆市", "河北省", "山西省", "内蒙古", "辽宁省", "吉林省", "黑龙江", "江苏省", "浙江省",
            "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广西", "海南省", "四川省", "贵州省", "云南省",
            "西藏", "陕西省", "甘肃省", "青海省", "宁夏", "新疆", "香港", "澳门", "台湾");

    /** The column of {@value #CITIES_FILE} that gives the official order of the cities. */
    static final String ORDER_COLUMN = "official_order";

    private final List<String> cities;
    /** Name tiers in order of trust; each maps a name to its city. */
    private final List<Map<String, String>> tiers;
    private final Map<String, String> senderMap;

    private CityResolver(List<String> cities, List<Map<String, String>> tiers, Map<String, String> senderMap) {
        this.cities = List.copyOf(cities);
        this.tiers = tiers.stream().map(Map::copyOf).toList();
        this.senderMap = Map.copyOf(senderMap);
    }

    /**
     * @param referenceDir holds {@value #CITIES_FILE} and {@value #COUNTIES_FILE}
     * @param senderMap    e.g. {@code "gz.gov.cn" -> "广州市"}, {@code "rsj@foshan.gov.cn" -> "佛山"},
     *                     {@code "gdhrss.gov.cn" -> "省属"}; keys are addresses or domains (a domain
     *                     covers its subdomains), values city names, full or short, or 省属
     * @throws ReportException when a reference file is unreadable or a mapping names no city
     */
    public static CityResolver load(Path referenceDir, Map<String, String> senderMap) {
        List<Map<String, String>> cityRows = ReferenceCsv.read(referenceDir.resolve(CITIES_FILE));
        List<Map<String, String>> countyRows = ReferenceCsv.read(referenceDir.resolve(COUNTIES_FILE));
        List<String> cities = new ArrayList<>();
        Map<String, String> cityNames = new LinkedHashMap<>();
        Map<String, String> cityShortNames = new LinkedHashMap<>();
        for (Map<String, String> row : cityRows) {
            cities.add(row.get("name"));
            cityNames.put(row.get("name"), row.get("name"));
            putUnlessAmbiguous(cityShortNames, row.get("short_name"), row.get("name"));
        }
        if (cities.isEmpty()) {
            throw new ReportException("参照文件 " + referenceDir.resolve(CITIES_FILE) + " 中没有任何地市，请从 shared/reference 重新复制。");
        }
        cities = officialOrder(cityRows);
        Map<String, String> countyNames = new LinkedHashMap<>();
        Map<String, String> countyShortNames = new LinkedHashMap<>();
        for (Map<String, String> row : countyRows) {
            putUnlessAmbiguous(countyNames, row.get("name"), row.get("city_name"));
            putUnlessAmbiguous(countyShortNames, shortCountyName(row.get("name")), row.get("city_name"));
        }
        List<Map<String, String>> tiers = List.of(cityNames, countyNames, cityShortNames, countyShortNames);
        return new CityResolver(cities, tiers, normalizedSenderMap(senderMap, cities));
    }

    /**
     * The city names in the order of column {@value #ORDER_COLUMN} (the order in which the
     * province's documents list the 21 cities: 广州、深圳、珠海、汕头、佛山、韶关、河源、梅州、惠州、
     * 汕尾、东莞、中山、江门、阳江、湛江、茂名、肇庆、清远、潮州、揭阳、云浮), which is not the order of
     * their codes; rows without a number keep their file order after the numbered ones.
     */
    private static List<String> officialOrder(List<Map<String, String>> cityRows) {
        List<Map<String, String>> sorted = new ArrayList<>(cityRows);
        sorted.sort(java.util.Comparator.comparingInt(CityResolver::rank));
        return sorted.stream().map(row -> row.get("name")).toList();
    }

    private static int rank(Map<String, String> row) {
        String order = row.getOrDefault(ORDER_COLUMN, "");
        return order == null || !order.strip().matches("\\d{1,3}") ? Integer.MAX_VALUE : Integer.parseInt(order.strip());
    }

    /** The 21 地级以上市 in their official order (column {@value #ORDER_COLUMN}). */
    public List<String> cities() {
        return cities;
    }

    /**
     * Decides the city of a case from the evidence in the order of issue 5. Every argument may be
     * blank; {@code summaryTableCity} is the xx地市 of a 汇总表 title that came with the proposal,
     * null when none did. {@code senderAddress} may carry a display name ("张三 &lt;a@b.cn&gt;").
     */
    public CityDecision resolve(@Nullable String summaryTableCity, String senderAddress, String contactAddress, String applicant) {
        if (summaryTableCity != null) {
            Optional<String> city = cityOfTitle(summaryTableCity);
            if (city.isPresent()) {
                return new CityDecision(city.get(), CityDecision.SOURCE_SUMMARY_TABLE);
            }
        }
        Optional<String> mapped = cityOfSender(senderAddress);
        if (mapped.isPresent()) {
            return new CityDecision(mapped.get(), CityDecision.SOURCE_SENDER);
        }
        Optional<String> addressed = cityNamedIn(contactAddress);
        if (addressed.isPresent()) {
            return new CityDecision(addressed.get(), CityDecision.SOURCE_ADDRESS);
        }
        return cityNamedIn(applicant)
                .map(city -> new CityDecision(city, CityDecision.SOURCE_APPLICANT))
                .orElseGet(CityDecision::undecided);
    }

    /** The city of a 汇总表 title's xx地市: 广州市, 广州, 番禺区, 省直; the blank "xx 地市" gives none. */
    Optional<String> cityOfTitle(String titleCity) {
        String text = bounded(titleCity).replace(" ", "").replace("\u3000", "");
        if (PROVINCIAL_TITLES.contains(text)) {
            return Optional.of(CityDecision.PROVINCIAL);
        }
        return cityNamedIn(text);
    }

    private Optional<String> cityOfSender(String senderAddress) {
        String address = mailAddress(senderAddress);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        @Nullable String city = senderMap.get(address);
        String domain = address.substring(address.indexOf('@') + 1);
        // A domain covers its subdomains: hrss.gz.gov.cn falls under gz.gov.cn.
        while (city == null && domain.contains(".")) {
            city = senderMap.get(domain);
            domain = domain.substring(domain.indexOf('.') + 1);
        }
        return Optional.ofNullable(city);
    }

    /** The city named in free text, trying name tiers in order of trust and the earliest name within a tier. */
    Optional<String> cityNamedIn(String text) {
        String bounded = bounded(text);
        for (int tier = 0; tier < tiers.size(); tier++) {
            // Only Guangdong's city names are unique in China; county names recur elsewhere (海口市龙华区).
            if (tier >= 1 && namesOtherProvinceOnly(bounded)) {
                return Optional.empty();
            }
            Optional<String> city = earliestName(bounded, tiers.get(tier));
            if (city.isPresent()) {
                return city;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> earliestName(String text, Map<String, String> names) {
        int earliest = Integer.MAX_VALUE;
        @Nullable String city = null;
        for (Map.Entry<String, String> name : names.entrySet()) {
            int position = text.indexOf(name.getKey());
            if (position >= 0 && position < earliest) {
                earliest = position;
                city = name.getValue();
            }
        }
        return Optional.ofNullable(city);
    }

    private static boolean namesOtherProvinceOnly(String text) {
        return !text.contains("广东") && OTHER_PROVINCES.stream().anyMatch(text::contains);
    }

    private static String mailAddress(String sender) {
        String address = sender.strip();
        int open = address.lastIndexOf('<');
        int close = address.lastIndexOf('>');
        if (open >= 0 && close > open) {
            address = address.substring(open + 1, close).strip();
        }
        address = address.toLowerCase(Locale.ROOT);
        return address.indexOf('@') > 0 ? address : "";
    }

    private static Map<String, String> normalizedSenderMap(Map<String, String> senderMap, List<String> cities) {
        Map<String, String> normalized = new HashMap<>();
        senderMap.forEach((key, value) -> normalized.put(key.strip().toLowerCase(Locale.ROOT), canonicalCity(key, value.strip(), cities)));
        return normalized;
    }

    private static String canonicalCity(String key, String value, List<String> cities) {
        if (CityDecision.PROVINCIAL.equals(value) || cities.contains(value)) {
            return value;
        }
        if (cities.contains(value + "市")) {
            return value + "市";
        }
        throw new ReportException("配置文件中的 city.sender." + key + " 只能是" + String.join("、", cities)
                + "或“" + CityDecision.PROVINCIAL + "”，现为“" + value + "”。");
    }

    private static void putUnlessAmbiguous(Map<String, String> names, String name, String city) {
        if (name.length() >= 2 && !AMBIGUOUS_NAMES.contains(name)) {
            names.put(name, city);
        }
    }

    /** 番禺区 → 番禺, 乳源瑶族自治县 → 乳源, 台山市 → 台山. */
    private static String shortCountyName(String name) {
        for (String suffix : List.of("壮族瑶族自治县", "瑶族自治县", "自治县", "区", "县", "市")) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static String bounded(String text) {
        return text.length() > MAX_TEXT_LENGTH ? text.substring(0, MAX_TEXT_LENGTH) : text;
    }
}
