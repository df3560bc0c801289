package cn.gdhrss.intake.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloudLinkDetectorTest {

    private final CloudLinkDetector detector = new CloudLinkDetector();

    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "https://mail.qq.com/cgi-bin/ftnExs_download?k=7a3&t=exs_ftn_download, QQ邮箱超大附件",
        "https://wx.mail.qq.com/ftn/download?func=3&key=abc, QQ邮箱超大附件",
        "https://mail.163.com/large-attachment-download/index.html?p=X, 网易邮箱大附件",
        "http://fs.163.com/fs/display/?p=X&file=Y, 网易邮箱大附件",
        "https://pan.baidu.com/s/1AbCdEfG?pwd=x1y2, 百度网盘",
        "https://www.aliyundrive.com/s/AbCdEf, 阿里云盘",
        "https://www.alipan.com/s/AbCdEf, 阿里云盘",
        "https://share.weiyun.com/AbCdEf, 腾讯微云",
        "https://pan.quark.cn/s/abcdef, 夸克网盘",
        "https://cloud.189.cn/t/AbCdEf, 天翼云盘",
        "https://caiyun.139.com/m/i?0F5CJUOrpy, 中国移动云盘"
    })
    void recognisesCloudAttachmentLinks(String url, String provider) {
        assertThat(detector.find("附件链接：" + url + " 请下载"))
                .singleElement()
                .satisfies(link -> {
                    assertThat(link.url()).isEqualTo(url);
                    assertThat(link.provider()).isEqualTo(provider);
                });
    }

    @Test
    void ignoresOrdinaryLinks() {
        assertThat(detector.find("详见 https://www.mohrss.gov.cn/ 和 https://mail.qq.com/")).isEmpty();
    }

    @Test
    void stopsUrlAtChineseText() {
        assertThat(detector.find("https://pan.baidu.com/s/1AbC提取码：x1y2"))
                .extracting(CloudLink::url).containsExactly("https://pan.baidu.com/s/1AbC");
    }

    @Test
    void takesAnchorTextAsTitle() {
        assertThat(detector.find("<a href='https://share.weiyun.com/Xyz'>申报视频.mp4</a>"))
                .extracting(CloudLink::title).first().isEqualTo("申报视频.mp4");
    }
}
