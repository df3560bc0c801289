package cn.gdhrss.intake.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CityResolverTest {

    static final Path REFERENCE = Path.of("reference");

    private final CityResolver resolver = CityResolver.load(REFERENCE, Map.of(
            "gz.gov.cn", "广州市",
            "rsj@foshan.gov.cn", "佛山",
            "hrss.gd.gov.cn", "省属"));

    @Test
    void listsTheTwentyOneCitiesInTheOfficialOrderNotTheCodeOrder() {
        assertThat(resolver.cities()).containsExactly("广州市", "深圳市", "珠海市", "汕头市", "佛山市", "韶关市", "河源市",
                "梅州市", "惠州市", "汕尾市", "东莞市", "中山市", "江门市", "阳江市", "湛江市", "茂名市", "肇庆市", "清远市",
                "潮州市", "揭阳市", "云浮市");
    }

    @Test
    void takesTheSummaryTableTitleFirst() {
        assertThat(resolver.resolve("深圳市", "rsj@gz.gov.cn", "佛山市顺德区大良街道", "广州某公司"))
                .isEqualTo(new CityDecision("深圳市", "summary_table"));
    }

    @Test
    void readsAShortCityNameInTheTitle() {
        assertThat(resolver.resolve("汕头", "", "", "")).isEqualTo(new CityDecision("汕头市", "summary_table"));
    }

    @Test
    void skipsTheBlankTemplatePlaceholderOfTheTitle() {
        assertThat(resolver.resolve("xx 地市", "rsj@gz.gov.cn", "", "")).isEqualTo(new CityDecision("广州市", "sender"));
    }

    @Test
    void takesAProvincialTitleAsProvincial() {
        assertThat(resolver.resolve("省直", "", "", "")).isEqualTo(new CityDecision("省属", "summary_table"));
    }

    @Test
    void takesTheSenderDomainBeforeTheAddress() {
        assertThat(resolver.resolve(null, "张三 <Zhang.San@GZ.gov.cn>", "佛山市南海区桂城街道", ""))
                .isEqualTo(new CityDecision("广州市", "sender"));
    }

    @Test
    void coversSubdomainsOfAMappedDomain() {
        assertThat(resolver.resolve(null, "office@rsj.gz.gov.cn", "", "")).isEqualTo(new CityDecision("广州市", "sender"));
    }

    @Test
    void mapsAWholeSenderAddressToAShortCityName() {
        assertThat(resolver.resolve(null, "rsj@foshan.gov.cn", "", "")).isEqualTo(new CityDecision("佛山市", "sender"));
    }

    @Test
    void givesProvincialOnlyWhenTheConfigSaysSo() {
        assertThat(resolver.resolve(null, "zhongxin@hrss.gd.gov.cn", "广州市越秀区惠福东路546号", ""))
                .isEqualTo(new CityDecision("省属", "sender"));
    }

    @Test
    void ignoresAnUnmappedSenderAndReadsTheAddress() {
        assertThat(resolver.resolve(null, "someone@qq.com", "广东省深圳市南山区科技园", ""))
                .isEqualTo(new CityDecision("深圳市", "address"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "广州市番禺区市桥街道,           广州市",
        "番禺区市桥街道光明北路,         广州市",
        "广东省顺德大良街道,             佛山市",
        "英德市英城街道,                 清远市",
        "乳源瑶族自治县乳城镇,           韶关市",
        "东莞市松山湖高新区,             东莞市",
        "中山市火炬开发区,               中山市",
        "惠州大亚湾石化区,               惠州市",
        "广州市越秀区中山五路,           广州市",
        "汕尾市城区香洲街道,             汕尾市",
    })
    void findsTheCityOfAnAddressByCityOrCountyName(String address, String city) {
        assertThat(resolver.resolve(null, "", address, "")).isEqualTo(new CityDecision(city, "address"));
    }

    @Test
    void trustsAFullCityNameBeforeAnEarlierCountyShortName() {
        assertThat(resolver.resolve(null, "", "番禺路88号（深圳市福田区）", "")).isEqualTo(new CityDecision("深圳市", "address"));
    }

    @Test
    void doesNotReadCommonWordsAsPlaces() {
        assertThat(resolver.resolve(null, "", "中山路新兴大厦光明楼", "")).isEqualTo(CityDecision.undecided());
    }

    @Test
    void doesNotPlaceAnotherProvinceInGuangdong() {
        assertThat(resolver.resolve(null, "", "海南省海口市龙华区滨海大道", "")).isEqualTo(CityDecision.undecided());
    }

    @Test
    void fallsBackToTheApplicantName() {
        assertThat(resolver.resolve(null, "", "", "佛山市顺德区美的智能科技有限公司"))
                .isEqualTo(new CityDecision("佛山市", "applicant"));
    }

    @Test
    void leavesAnUnknownCityUndecided() {
        CityDecision decision = resolver.resolve(null, "a@example.com", "北京市海淀区中关村大街1号", "北京某科技有限公司");
        assertThat(decision).isEqualTo(new CityDecision("未确定", "none"));
        assertThat(decision.isDecided()).isFalse();
    }

    @Test
    void boundsTheTextItReads() {
        assertThat(resolver.resolve(null, "", "某".repeat(10_000) + "广州市", "")).isEqualTo(CityDecision.undecided());
    }

    @Test
    void refusesASenderMappingThatNamesNoCity() {
        assertThatThrownBy(() -> CityResolver.load(REFERENCE, Map.of("example.cn", "长沙市")))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("city.sender.example.cn").hasMessageContaining("广州市、").hasMessageContaining("现为“长沙市”");
    }

    @Test
    void reportsAMissingReferenceDirectory() {
        assertThatThrownBy(() -> CityResolver.load(Path.of("no-such-dir"), Map.of()))
                .isInstanceOf(ReportException.class)
                .hasMessageContaining("guangdong-cities.csv").hasMessageContaining("文件不存在")
                .hasMessageContaining("shared/reference");
    }
}
