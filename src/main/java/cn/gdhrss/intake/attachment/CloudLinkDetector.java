package cn.gdhrss.intake.attachment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds links to cloud big attachments in a body: mail providers move files above their size
 * limit (QQ 超大附件, 网易 大附件) to their cloud, and applicants share videos through 网盘 links.
 */
public final class CloudLinkDetector {

    private record Provider(String name, Pattern host, Pattern path) {}

    private static final List<Provider> PROVIDERS = List.of(
            provider("QQ邮箱超大附件", "(?:[a-z0-9-]+\\.)*(?:mail|exmail)\\.qq\\.com", "(?i).*ftn.*"),
            provider("QQ邮箱超大附件", "ftn\\.qq\\.com", ".*"),
            provider("网易邮箱大附件", "fs\\.(?:163|126)\\.com", ".*"),
            provider("网易邮箱大附件", "(?:mail\\.163\\.com|mail\\.126\\.com|mail\\.yeah\\.net|dashi\\.163\\.com)",
                    "(?i).*(?:large|attach|cloud).*"),
            provider("百度网盘", "pan\\.baidu\\.com", "/(?:s|share)/.*"),
            provider("阿里云盘", "(?:www\\.)?(?:aliyundrive|alipan)\\.com", "/s/.*"),
            provider("腾讯微云", "share\\.weiyun\\.com", ".*"),
            provider("夸克网盘", "pan\\.quark\\.cn", "/s/.*"),
            provider("天翼云盘", "cloud\\.189\\.cn", "/(?:t|web/share)\\b.*"),
            provider("中国移动云盘", "(?:caiyun|yun)\\.139\\.com", ".*"),
            provider("蓝奏云", "(?:[a-z0-9-]+\\.)*lanzou[a-z]?\\.com", "/.+"));

    private static final Pattern ANCHOR =
            Pattern.compile("(?is)<a\\s[^>]*?href\\s*=\\s*[\"']?([^\"'\\s>]+)[^>]*>(.*?)</a\\s*>");
    private static final Pattern URL = Pattern.compile("(?i)https?://[a-z0-9.-]+(?::\\d{1,5})?(?:[/?#][\\x21-\\x7E&&[^\"'<>]]*)?");
    private static final int MAX_TITLE_CHARS = 200;

    /** Links found in a text or HTML body, anchors first, in order, duplicates included. */
    public List<CloudLink> find(String body) {
        List<CloudLink> links = new ArrayList<>();
        Matcher anchor = ANCHOR.matcher(body);
        while (anchor.find()) {
            String title = HtmlText.toText(anchor.group(2));
            link(HtmlText.unescape(anchor.group(1)), title).ifPresent(links::add);
        }
        Matcher url = URL.matcher(body);
        while (url.find()) {
            link(HtmlText.unescape(trimTrailingPunctuation(url.group())), "").ifPresent(links::add);
        }
        return links;
    }

    private static Optional<CloudLink> link(String url, String title) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath() + "?" + uri.getRawQuery();
        for (Provider provider : PROVIDERS) {
            if (provider.host().matcher(host).matches() && provider.path().matcher(path).matches()) {
                String shown = title.isBlank() || title.equals(url) ? host : shorten(title);
                return Optional.of(new CloudLink(url, shown, provider.name()));
            }
        }
        return Optional.empty();
    }

    private static String trimTrailingPunctuation(String url) {
        int end = url.length();
        while (end > 0 && ".,;:!?)]}".indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }

    private static String shorten(String title) {
        String oneLine = title.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_TITLE_CHARS ? oneLine : oneLine.substring(0, MAX_TITLE_CHARS);
    }

    private static Provider provider(String name, String host, String path) {
        return new Provider(name, Pattern.compile(host), Pattern.compile(path, Pattern.DOTALL));
    }
}
